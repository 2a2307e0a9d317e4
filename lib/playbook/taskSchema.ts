import { boolOrTemplate, condition, identifier, nameOrList, stepList, TEMPLATE_PATTERN, varsMap, type Schema } from './keywordSchemas.js';

/** include_tasks / import_tasks: a path, or Ansible's `{ file: path }`. */
const includeTarget: Schema = {
  type: ['string', 'object'],
  minLength: 1,
  properties: { file: { type: 'string', minLength: 1 } },
  required: ['file'],
  additionalProperties: false,
  expects: 'a file path, or { file: PATH }',
};

// The keywords a task may carry beside its one module key; the module key itself is checked against the module's schema.
export const taskSchema: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', expects: 'a string' },
    no_log: boolOrTemplate,
    check_mode: boolOrTemplate,
    become: boolOrTemplate,
    when: condition,
    register: identifier,
    loop: { type: ['array', 'string'], pattern: TEMPLATE_PATTERN, expects: 'a list, or a "{{ template }}" that renders to one' },
    loop_control: {
      type: 'object',
      properties: { loop_var: identifier, index_var: identifier, label: { type: 'string', expects: 'a string' } },
      additionalProperties: false,
      expects: 'a mapping with loop_var, index_var or label',
    },
    run_once: boolOrTemplate,
    delegate_to: { type: 'string', minLength: 1, expects: 'a host name' },
    changed_when: condition,
    failed_when: condition,
    ignore_errors: boolOrTemplate,
    notify: nameOrList,
    tags: nameOrList,
    vars: varsMap,
    listen: nameOrList,
    block: stepList,
    rescue: stepList,
    always: stepList,
    include_tasks: includeTarget,
    import_tasks: includeTarget,
  },
};

/** Every keyword a task, block or include may use (anything else must be a module). */
export const TASK_KEYWORDS: ReadonlySet<string> = new Set(Object.keys(taskSchema.properties as Schema));

/** Keywords that only make sense on a single task: a block or an include passing them down would be a surprise. */
export const TASK_ONLY_KEYWORDS: readonly string[] = ['register', 'loop', 'loop_control', 'changed_when', 'failed_when', 'notify', 'listen'];
