// The denial page's only script: the top navigation (a file, not inline, so the
// Content-Security-Policy can forbid inline scripts everywhere).
import { renderHeader } from '/ui/app.js';

renderHeader('');
