import client from '../html/client.html';
import style from '../html/style.html';

/**
 * A sidebar page: the shared style and client helpers plus the page's own markup and script,
 * all inlined (the project pushes Code.js alone, so there are no HTML files to load).
 */
export function sidebarPage(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<base target="_top">\n<title>${escapeHtml(title)}</title>\n${style}\n</head>\n<body>\n${client}\n${body}\n</body>\n</html>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Opens a page in the sidebar (Google fixes its width at 300 px). */
export function showSidebar(title: string, body: string): void {
  const output = HtmlService.createHtmlOutput(sidebarPage(title, body)).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}
