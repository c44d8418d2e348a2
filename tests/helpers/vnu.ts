/**
 * The W3C Nu HTML Checker (vnu-jar from npm) on built pages. It needs Java (Debian's
 * `default-jre-headless`); `javaVersion()` says whether it is there.
 */
import { execFile, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const vnuJar = path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')

export type VnuMessage = { file: string; line?: number; column?: number; message: string; extract?: string }

/** The first line of `java -version`, or undefined when there is no Java. */
export function javaVersion(): string | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) return undefined
  return (result.stderr || result.stdout).split('\n')[0]
}

/** Errors (not warnings) in every .html file under the given directories, one JVM for all. */
export async function htmlErrors(dirs: string[]): Promise<VnuMessage[]> {
  const stderr = await new Promise<string>((resolve, reject) => {
    // vnu exits 1 when it found errors; its JSON report is on stderr either way.
    execFile('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', ...dirs], { maxBuffer: 64 * 1024 * 1024 }, (error, _out, err) => {
      if (error && !err.trim().startsWith('{')) reject(new Error(`vnu did not run: ${error.message}\n${err}`))
      else resolve(err)
    })
  })
  const report = JSON.parse(stderr) as { messages: { type: string; url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }[] }
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? ''),
      line: m.lastLine,
      column: m.firstColumn,
      message: m.message,
      extract: m.extract,
    }))
}

/** The page a built file is, as its URL path: `<root>/van-ban/x/index.html` → `/van-ban/x/`. */
export const builtPage = (root: string, file: string) =>
  '/' + path.relative(root, file).split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')

/** One line per error, naming its page and showing the offending markup. */
export function describeErrors(messages: VnuMessage[], pageOf: (file: string) => string): string {
  return messages
    .map((m) => `${pageOf(m.file)} (line ${m.line ?? '?'}): ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`)
    .join('\n')
}
