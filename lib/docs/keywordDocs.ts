// One line per play and task keyword: the hover text of the editor schema and the keyword tables of the reference.

/** What each key of a play means. */
export const PLAY_KEYWORD_DOCS: Readonly<Record<string, string>> = {
  name: 'Shown in the PLAY banner and the report; defaults to the hosts pattern.',
  hosts: "Which inventory hosts the play runs on: a pattern such as 'web', 'web:&prod', 'all:!db1', 'web*', or a list of them.",
  vars: 'Variables of the play: above inventory variables, below vars_files, task vars and -e.',
  vars_files: "YAML files of variables, relative to the playbook; a path may use '{{ }}' (rendered per host).",
  secrets: 'Secret values by name, each from { env: VARIABLE } or { file: PATH } on the controller; masked in every output.',
  become: 'Run remote work as root through sudo -n.',
  become_user: 'Accepted for Ansible playbooks; become always means root in ferry.',
  gather_facts: 'Accepted for Ansible playbooks; ferry gathers no facts.',
  serial: "Rolling batches: a host count, a percentage such as '30%', or a list of them (the last repeats).",
  max_fail_percentage: 'Stop the play when more than this percentage of a batch has failed.',
  any_errors_fatal: 'Stop the play on every host as soon as one host fails.',
  pre_tasks: 'Tasks run before tasks.',
  tasks: 'The tasks, run in order, each on every host of the batch in parallel.',
  post_tasks: 'Tasks run after tasks.',
  handlers: 'Tasks run once at the end of each batch, on the hosts whose tasks notified them (by name or listen topic).',
};

/** What each task keyword means. */
export const TASK_KEYWORD_DOCS: Readonly<Record<string, string>> = {
  name: 'Shown in the TASK banner and the report; may use {{ }}.',
  no_log: 'Mask every argument value and result of this task in output, reports and diffs.',
  check_mode: 'true: always dry run this task; false: run it for real even under --check.',
  become: 'Run this task as root through sudo -n (overrides the play and the inventory).',
  when: 'Run only when this condition holds: a bare expression (no {{ }}), or a list that must all hold.',
  register: 'Store the result under this variable name for later tasks.',
  loop: 'Run the task once per item of this list (the item is {{ item }}).',
  loop_control: 'loop_var renames item, index_var names the index, label sets what the output shows per item.',
  run_once: 'Run on the first host of the batch only; every host sees the result.',
  delegate_to: "Run on the controller instead: 'localhost' is the one delegate ferry knows.",
  changed_when: 'Report changed only when this condition holds (it may read the registered result).',
  failed_when: 'Report failed only when this condition holds (it may read the registered result).',
  ignore_errors: 'A failure of this task does not stop the host.',
  notify: 'Handlers (names or listen topics) to run at the end of the batch when this task changed something.',
  tags: 'Names for --tags and --skip-tags.',
  vars: 'Variables for this task (or every task of this block): above play vars, below -e.',
  listen: 'On a handler: topics it also answers to in notify.',
  block: 'Tasks run together; their keywords (when, become, vars, tags…) come from the block.',
  rescue: "Tasks run on the hosts that failed in block; a host rescued this way counts as 'rescued', not failed.",
  always: 'Tasks run after block (and rescue) on every host that entered the block.',
  include_tasks: 'Insert the tasks of another file (a fixed path, relative to this file), checked when the playbook loads.',
  import_tasks: 'Same as include_tasks: ferry expands both when the playbook loads.',
};
