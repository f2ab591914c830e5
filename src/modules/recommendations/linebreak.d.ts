// The part of linebreak 1 (the Unicode line breaking that PDFKit wraps text with) that
// report.pdf-render.ts uses; the package ships no types.
declare module 'linebreak' {
  /** A place a line may end: before the character at `position`; `required` after a newline. */
  export interface Break {
    position: number;
    required: boolean;
  }

  /** The break opportunities of a text, in order (UAX #14). */
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may end, or null after the last. */
    nextBreak(): Break | null;
  }
}
