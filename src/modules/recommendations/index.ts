/**
 * The recommendations module's face: the types and functions other modules may use. Nothing else
 * of the module is importable from outside it (the module-boundaries lint rule).
 */
export { publishFinalReport } from './final-report.service.js';
export { consensusResults, createRecommendation, listRecommendations, recommendationPath } from './recommendations.service.js';
export { createPdf, pdfBuffer } from './report.pdf.js';
export { renderPdfBlocks } from './report.pdf-render.js';
export type { PdfBlock } from './report.pdf.js';
