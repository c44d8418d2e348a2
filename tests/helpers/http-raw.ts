/** A request with the path exactly as given (fetch would resolve `..` and `\` itself) and the raw bytes back (not decompressed). */
import http from 'node:http'

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; bytes: Buffer; body: string }

export function raw(base: string, method: string, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: rawPath, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const bytes = Buffer.concat(chunks)
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes, body: bytes.toString('utf8') })
      })
    })
    request.on('error', reject)
    if (method !== 'GET' && method !== 'HEAD') {
      request.setHeader('content-type', 'application/json')
      request.setHeader('content-length', 2)
      request.write('{}')
    }
    request.end()
  })
}
