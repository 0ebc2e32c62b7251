import { ConnectionGate } from './connection-gate';

describe('ConnectionGate', () => {
  it('admits up to the share of an address and refuses the rest', () => {
    const gate = new ConnectionGate(2);
    expect(gate.admit('s1', '192.0.2.1')).toBe(true);
    expect(gate.admit('s2', '192.0.2.1')).toBe(true);
    expect(gate.admit('s3', '192.0.2.1')).toBe(false);
    expect(gate.admit('s4', '192.0.2.2')).toBe(true);
    expect(gate.openFrom('192.0.2.1')).toBe(2);
  });

  it('releases only sessions it admitted, so refused ones cannot free a place', () => {
    const gate = new ConnectionGate(1);
    expect(gate.admit('s1', '192.0.2.1')).toBe(true);
    for (const refused of ['s2', 's3', 's4']) {
      expect(gate.admit(refused, '192.0.2.1')).toBe(false);
      gate.release(refused);
    }
    expect(gate.openFrom('192.0.2.1')).toBe(1);
    expect(gate.admit('s5', '192.0.2.1')).toBe(false);
  });

  it('frees the place when an admitted session closes, once', () => {
    const gate = new ConnectionGate(1);
    gate.admit('s1', '192.0.2.1');
    gate.release('s1');
    gate.release('s1');
    expect(gate.openFrom('192.0.2.1')).toBe(0);
    expect(gate.admit('s2', '192.0.2.1')).toBe(true);
    expect(gate.admitted).toBe(1);
  });
});
