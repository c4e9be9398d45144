/**
 * onnx node names carry the `what` of an indexing node (model.ts `nodeName`): ORT's
 * run-time error quotes the failing node's name in single quotes, so the encoded
 * name must hold no quote, and decoding must give back `what` exactly.
 */
import { nodeName, whatOfNodeName } from '../../src/backends/onnx/model';

describe('onnx node names', () => {
  test('a plain node: <opType>_<index>, no what', () => {
    expect(nodeName('Gather', 12)).toBe('Gather_12');
    expect(whatOfNodeName('Gather_12')).toBeUndefined();
  });

  test.each([
    "sparseCategoricalCrossentropy: argument 'target'",
    'a | b % c "d" \u00e9',
  ])('what round-trips through the name, with no quote in it (%s)', (what) => {
    const name = nodeName('Gather', 3, what);
    expect(name.startsWith('Gather_3')).toBe(true);
    expect(name).not.toMatch(/['"]/);
    // as ORT quotes it: "... Name:'<name>' Status Message: ..."
    const quoted = /Name:'([^']*)'/.exec(`while running Gather node. Name:'${name}' Status Message: idx=5`)?.[1];
    expect(quoted).toBe(name);
    expect(whatOfNodeName(name)).toBe(what);
  });

  test('a name with a malformed escape after the mark gives no what', () => {
    expect(whatOfNodeName('Gather_1|%E0%A4%A')).toBeUndefined();
  });
});
