// Modules quote with the transport's own quoting, so one definition says what a safe shell word is.
export { shellQuote } from '../transport/shellQuote.js';
