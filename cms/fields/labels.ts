/** A label in both admin languages: Vietnamese first (the default), English beside it. */
export const t = (vi: string, en: string) => ({ vi, en })
