// Documentation and editor support generated from the module and keyword schemas: `ferry doc` and `ferry schema`.
export { argumentRows, isInternalArgument, shownValue, type ArgumentRow } from './argumentRows.js';
export { argumentRules } from './argumentRules.js';
export { choicesOf, describeType } from './describeType.js';
export { moduleListText, moduleText } from './moduleText.js';
export { moduleMarkdown, modulesMarkdown } from './modulesMarkdown.js';
export { playbookEditorSchema, taskFileEditorSchema } from './editorSchema.js';
export { PLAY_KEYWORD_DOCS, TASK_KEYWORD_DOCS } from './keywordDocs.js';
export type { JsonSchema } from './JsonSchema.js';
