import type { GatedTask } from '../../engine/RunOptions.js';
import type { LineSource } from './lineSource.js';

/** What the prompter needs around it: where to ask, and whether the answer is echoed by a terminal already. */
export interface StepIo {
  answers: LineSource;
  write(text: string): void;
  /** stdin is a terminal: it echoes what the operator types, newline included. */
  echoed: boolean;
  /** Called while waiting for an answer, so a live progress line keeps still. */
  waiting?(on: boolean): void;
}

// --step as in ansible-playbook: before each task, "Perform task: NAME (N)o/(y)es/(c)ontinue:". N (the default) skips it,
// y runs it, c runs it and every later task without asking again. When the input ends, every remaining task is skipped.
export class StepPrompter {
  private continueAll = false;
  private ended = false;

  constructor(private readonly io: StepIo) {}

  async ask(task: GatedTask): Promise<boolean> {
    if (this.continueAll) return true;
    if (this.ended) return false;
    this.io.waiting?.(true);
    try {
      for (;;) {
        this.io.write(`Perform task: ${task.name || task.module} (N)o/(y)es/(c)ontinue: `);
        const line = await this.io.answers.next();
        if (line === undefined) {
          this.ended = true;
          this.io.write('\nferry: no more answers (end of input): this and every remaining task are skipped\n');
          return false;
        }
        if (!this.io.echoed) this.io.write(`${line}\n`);
        const answer = line.trim().toLowerCase();
        if (answer === '' || answer === 'n' || answer === 'no') return false;
        if (answer === 'y' || answer === 'yes') return true;
        if (answer === 'c' || answer === 'continue') {
          this.continueAll = true;
          return true;
        }
      }
    } finally {
      this.io.waiting?.(false);
    }
  }
}
