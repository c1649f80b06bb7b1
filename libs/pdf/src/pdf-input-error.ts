/** The input cannot be rendered as given (a corrupt logo, a malformed date…). */
export class PdfInputError extends Error {
  override name = 'PdfInputError';
}
