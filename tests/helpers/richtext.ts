/** Lexical rich text as the CMS editor stores it, for tests that save bodies through Payload. */

/** A paragraph of plain `text`. */
export const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})

/** A body with one paragraph of `text`, then an image from the media library, as the editor inserts it. */
export const bodyWithImage = (mediaId: number | string, text = 'Lễ tuyên dương') => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      paragraph(text),
      { type: 'upload', version: 3, format: '', id: `anh${mediaId}`, fields: {}, relationTo: 'media', value: mediaId },
    ],
  },
})
