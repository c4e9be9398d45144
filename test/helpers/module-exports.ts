/**
 * The exports of a source module as the TypeScript compiler sees them, for tests that
 * read the public API from its declarations (signatures, declaring files).
 */
import * as ts from 'typescript';

/** The type checker, the entry's source file and the symbols it exports. */
export function moduleExports(entry: string): { checker: ts.TypeChecker; source: ts.SourceFile; symbols: ts.Symbol[] } {
  const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry} not found`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} has no module symbol`);
  return { checker, source, symbols: checker.getExportsOfModule(moduleSymbol) };
}
