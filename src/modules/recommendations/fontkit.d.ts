// The part of fontkit 2 (the font parser PDFKit is built on) that report.pdf.ts uses; the
// package ships no types.
declare module 'fontkit' {
  /** A parsed font, which PDFKit takes as a font source. */
  export interface Font {
    readonly postscriptName: string;
  }

  /** Parse a font file's bytes. */
  export function create(buffer: Uint8Array): Font;
}
