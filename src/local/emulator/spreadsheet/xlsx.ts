/** .xlsx load/save for the emulated spreadsheet (exceljs). */
export { loadXlsx } from './xlsx-read';
export { saveXlsx, xlsxBuffer } from './xlsx-write';
