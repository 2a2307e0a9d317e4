/** The shells ferry writes a completion script for. */
export type CompletionShell = 'bash' | 'zsh';

const BASH = `###-begin-ferry-completions-###
# ferry completion for bash. Install: ferry completion bash >> ~/.bashrc  (or: source <(ferry completion bash))
_ferry_completions()
{
    local cur_word type_list
    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    # ask ferry for the words that fit here; nothing means a file name, which bash completes itself
    mapfile -t type_list < <(SHELL=bash ferry --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
    mapfile -t COMPREPLY < <(compgen -W "$( printf '%q ' "\${type_list[@]}" )" -- "\${cur_word}" |
        awk '/ / { print "\\""$0"\\"" } /^[^ ]+$/ { print $0 }')
    return 0
}
complete -o bashdefault -o default -F _ferry_completions ferry
###-end-ferry-completions-###
`;

const ZSH = `#compdef ferry
###-begin-ferry-completions-###
# ferry completion for zsh. Install: ferry completion zsh >> ~/.zshrc  (after compinit)
_ferry_completions()
{
  local reply
  local si=$IFS
  # ask ferry for the words that fit here, as name:description; nothing means a file name
  IFS=$'\\n' reply=($(SHELL=zsh ZSH_NAME=zsh ferry --get-yargs-completions "\${(@)words[1,CURRENT]}" 2>/dev/null))
  IFS=$si
  if [[ \${#reply} -gt 0 ]]; then
    _describe 'values' reply
  else
    _default
  fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
  _ferry_completions "$@"
else
  compdef _ferry_completions ferry
fi
###-end-ferry-completions-###
`;

// `ferry completion [bash|zsh]`: the script a shell sources; it asks ferry itself, so completions follow the CLI as it is.
export function completionScript(shell: CompletionShell): string {
  return shell === 'zsh' ? ZSH : BASH;
}

/** The shell to write for when none is named: the login shell's kind. */
export function shellOf(env: NodeJS.ProcessEnv): CompletionShell {
  return /zsh/.test(env.SHELL ?? '') || /zsh/.test(env.ZSH_NAME ?? '') ? 'zsh' : 'bash';
}
