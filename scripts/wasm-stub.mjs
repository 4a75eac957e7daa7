// Empties the functions a build can never call, so that wasm-opt drops them and all that only
// they reach. Leptos keeps a pointer to every view type's async hydration in that type's erased
// view (`AnyView`), so the linker keeps all of it, although only `leptos::mount::hydrate_lazy`
// starts it: the storefront hydrates synchronously (`hydrate_from`) and the embed mounts
// client-side. Each such function's body becomes `unreachable`: its index, type and table slot are
// unchanged, and a call that this reasoning missed traps loudly instead of misbehaving.
//
//   node scripts/wasm-stub.mjs <in.wasm> <out.wasm> hydrate-async [<linked.wasm>]
//     (<linked.wasm>: the binary <in.wasm> was cut from, with the linker's relocations)
//
// Before stubbing it checks what the reasoning rests on:
//   - no function that starts the stubbed code (a `root` below) is in the module, else it fails;
//   - a function of the set that code staying in the module calls, or takes the address of in
//     its code, stays (the compiler merges identical functions under one of their names).
// Which code takes which function's address is read from the linker's relocations when the
// binary it was cut from is given (`taken`, from `addressesTaken`: split-wasm.mjs passes the
// binary rustc wrote, linked with --emit-relocs). Without it, every constant of reachable code
// that equals a function's table slot counts as its address, which keeps functions whose slot
// number merely equals some size or offset.
// It runs on modules without relocations (after wasm-split-cli, or a plain `cargo build`),
// with their name section: rustc's release output keeps it (the profile strips debug info only).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { Reader, bodyUses, demangle, readWasm } from './wasm-breakdown.mjs';

// Smaller functions are left as they are: the compiler folds identical small functions into one
// that keeps only one of their names, so a small function named for the set may be another's.
const MIN_SIZE = Number(process.env.DHOW_STUB_MIN_SIZE ?? 64);

export const SETS = {
  // The storefront: hydrates prerendered pages synchronously, never asynchronously.
  'hydrate-async': {
    segments: ['hydrate_async'],
    roots: ['leptos::mount::hydrate_lazy', 'leptos::mount::hydrate_islands'],
    // Taken as pointers by every erased view (`AnyView`), called only through the field the
    // set's own `<AnyView as RenderHtml>::hydrate_async` reads.
    pointers: [/::into_any::hydrate_async$/],
  },
};

// The path segments of a demangled name, outside generic arguments: `<T as X>::into_any::
// hydrate_async::{{closure}}` has `hydrate_async`; `drop_in_place<…hydrate_async…>` has not.
export function segments(name) {
  const out = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<') depth++;
    else if (c === '>' && name[i - 1] !== '-') depth--;
    if (depth === 0 && c === ':' && name[i + 1] === ':') {
      out.push(current);
      current = '';
      i++;
      continue;
    }
    current += c;
  }
  out.push(current);
  return out.map((s) => (s.startsWith('<') ? s : s.replace(/<.*$/s, '')));
}

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

// Relocation types whose target is a function's table slot (the linker's tool conventions):
// TABLE_INDEX_SLEB, _I32, _REL_SLEB, _SLEB64, _I64, _REL_SLEB64.
const TABLE_INDEX = new Set([1, 2, 12, 18, 19, 24]);
// Relocation types followed by an addend.
const WITH_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);

// From a binary linked with --emit-relocs: for each function (by its symbol name), the names of
// the functions whose table slots its code takes (a function pointer made in code).
export function addressesTaken(bytes) {
  const m = readWasm(bytes);
  const linking = m.custom.linking;
  const relocs = m.custom['reloc.CODE'];
  if (!linking || !relocs) throw new Error('the binary has no relocations (link with --emit-relocs)');
  // The symbol table (linking subsection 8): which function each symbol index names.
  const symbols = [];
  const r = new Reader(bytes, linking.start, linking.end);
  if (r.u32() !== 2) throw new Error('unknown linking section version');
  while (r.pos < r.end) {
    const type = r.byte();
    const end = r.u32() + r.pos;
    if (type === 8) {
      for (let n = r.u32(); n > 0; n--) {
        const kind = r.byte();
        const flags = r.u32();
        const undefinedSymbol = (flags & 0x10) !== 0;
        if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
          const index = r.u32();
          if (!undefinedSymbol || (flags & 0x40) !== 0) r.name();
          symbols.push(kind === 0 ? index : null);
        } else if (kind === 1) {
          r.name();
          if (!undefinedSymbol) { r.u32(); r.u32(); r.u32(); }
          symbols.push(null);
        } else if (kind === 3) {
          r.u32();
          symbols.push(null);
        } else {
          throw new Error(`unknown symbol kind ${kind}`);
        }
      }
    }
    r.pos = end;
  }
  const code = m.sections.find((s) => s.id === 10);
  const q = new Reader(bytes, relocs.start, relocs.end);
  if (m.sections[q.u32()] !== code) throw new Error('reloc.CODE does not name the code section');
  // Bodies in order of position, to find the function an offset falls in.
  const bodies = [...m.functions].sort((a, b) => a.body - b.body);
  const within = (at) => {
    let lo = 0;
    let hi = bodies.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bodies[mid].body <= at) lo = mid; else hi = mid - 1;
    }
    const f = bodies[lo];
    return f && at >= f.body && at < f.body + f.size ? f.index : null;
  };
  const taken = new Map();
  for (let n = q.u32(); n > 0; n--) {
    const type = q.byte();
    const offset = q.u32();
    const symbol = q.u32();
    if (WITH_ADDEND.has(type)) q.sleb();
    if (!TABLE_INDEX.has(type)) continue;
    const target = symbols[symbol];
    const taker = within(code.start + offset);
    if (target === null || target === undefined || taker === null) continue;
    const takerName = m.names.get(taker);
    const targetName = m.names.get(target);
    if (!takerName || !targetName) continue;
    if (!taken.has(takerName)) taken.set(takerName, new Set());
    taken.get(takerName).add(targetName);
  }
  return taken;
}

export function stub(bytes, setName, { taken } = {}) {
  const set = SETS[setName];
  if (!set) throw new Error(`unknown set ${setName} (${Object.keys(SETS).join(', ')})`);
  const m = readWasm(bytes);
  if (m.custom['reloc.CODE'] || m.custom.linking) {
    throw new Error('the module has relocations: stub after wasm-split-cli, not before');
  }
  if (m.names.size === 0) throw new Error('the module has no function names');
  const wanted = new Set(set.segments);
  const names = new Map();
  const chosen = new Set();
  for (const f of m.functions) {
    const raw = m.names.get(f.index) ?? '';
    const name = demangle(raw) ?? raw;
    names.set(f.index, name);
    const root = set.roots.find((r) => name.startsWith(r));
    if (root) throw new Error(`${name} is in the module: it starts the code this would remove`);
    if (!segments(name).some((s) => wanted.has(s))) continue;
    // A pointer target is not folded with other code: its body names its own future's vtable.
    if (f.size >= MIN_SIZE || (set.pointers ?? []).some((p) => p.test(name))) chosen.add(f.index);
  }
  // What stays must not reach what goes: a function is kept when code reachable without the set
  // calls it, or names its table slot as a constant (a function pointer taken in code; except
  // the set's `pointers`, whose pointers are stored but only read by the set's own code).
  // Identical functions are merged under one name by the compiler, so a name alone is not proof
  // (tachys's sync and async hydration share small helpers).
  const slotOf = m.elemSlots;
  const uses = new Map(m.functions.map((f) => [f.index, bodyUses(bytes, f)]));
  const pointerOnly = (f) => (set.pointers ?? []).some((p) => p.test(names.get(f)));
  const bySlot = new Map([...chosen].filter((f) => slotOf.has(f) && !pointerOnly(f))
    .map((f) => [slotOf.get(f), f]));
  // Walked from what the module's user can start: exports, the start function and the table's
  // functions (pointers kept in data: vtables), less the set's own.
  const roots = [...m.exports.map((e) => e.index), ...(m.start === null ? [] : [m.start]),
    ...m.elemFuncs.filter((f) => !chosen.has(f))];
  // With the linker's relocations: the functions whose address each function takes, by index in
  // this module. Code that went to another module (a chunk) is not walked here, so whatever it
  // takes the address of stays.
  const byName = new Map();
  const takes = (f) => [...(taken.get(m.names.get(f)) ?? [])].flatMap((n) => byName.get(n) ?? [])
    .filter((g) => !pointerOnly(g));
  if (taken) {
    for (const f of m.functions) {
      const raw = m.names.get(f.index);
      if (raw === undefined) continue;
      if (!byName.has(raw)) byName.set(raw, []);
      byName.get(raw).push(f.index);
    }
    for (const [taker, targets] of taken) {
      if (byName.has(taker)) continue;
      for (const n of targets) for (const g of byName.get(n) ?? []) if (!pointerOnly(g)) roots.push(g);
    }
  }
  const seen = new Set();
  const kept = [];
  const stack = [...roots];
  const visit = (g) => {
    if (seen.has(g)) return;
    if (chosen.delete(g)) kept.push(g);
    stack.push(g);
  };
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    const { calls, constants } = uses.get(f) ?? { calls: [], constants: [] };
    for (const g of calls) visit(g);
    if (taken) {
      for (const g of takes(f)) visit(g);
      continue;
    }
    for (const v of constants) {
      const g = bySlot.get(v);
      if (g !== undefined) visit(g);
    }
  }
  // Rebuild the code section with the chosen bodies replaced: no locals, `unreachable`, `end`.
  const code = m.sections.findIndex((s) => s.id === 10);
  let offset = 8;
  const before = [];
  for (let i = 0; i < code; i++) offset += 1 + leb(m.sections[i].size).length + m.sections[i].size;
  before.push(bytes.subarray(0, offset));
  const codeEnd = offset + 1 + leb(m.sections[code].size).length + m.sections[code].size;
  const parts = [leb(m.functions.length)];
  const empty = Buffer.from([0x00, 0x00, 0x0b]);
  let saved = 0;
  for (const f of m.functions) {
    const body = chosen.has(f.index) ? empty : bytes.subarray(f.body, f.body + f.size);
    if (chosen.has(f.index)) saved += f.size - empty.length;
    parts.push(leb(body.length), body);
  }
  const payload = Buffer.concat(parts);
  const out = Buffer.concat([...before, Buffer.from([10]), leb(payload.length), payload,
    bytes.subarray(codeEnd)]);
  return { bytes: out, stubbed: chosen.size, saved, kept: kept.map((f) => names.get(f)) };
}

// A module made by hand: what the stub empties, what it keeps, and that the result still runs.
function selfTest() {
  const vec = (items) => Buffer.concat([leb(items.length), ...items]);
  const str = (text) => vec([...Buffer.from(text)].map((b) => Buffer.from([b])));
  const section = (id, payload) => Buffer.concat([Buffer.from([id]), leb(payload.length), payload]);
  const body = (ops) => { const b = Buffer.from([0x00, ...ops, 0x0b]); return Buffer.concat([leb(b.length), b]); };
  const padded = (value) => [...Array(30).fill([0x41, 0x00, 0x1a]).flat(), 0x41, value];
  const module = (names, mainOps = [0x41, 0x01, 0x1a, 0x10, 0x02]) => Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    section(1, vec([Buffer.from([0x60, 0x00, 0x01, 0x7f])])), // () -> i32
    section(3, vec(names.map(() => Buffer.from([0x00])))),
    section(4, vec([Buffer.from([0x70, 0x00, 0x04])])), // a table of 4 funcref
    section(7, vec([Buffer.concat([str('main'), Buffer.from([0x00, 0x00])])])),
    // functions 1 and 3 in the table at slots 1 and 2
    section(9, vec([Buffer.concat([Buffer.from([0x00, 0x41, 0x01, 0x0b]), vec([leb(1), leb(3)])])])),
    section(10, vec([
      body(mainOps), // main (by default): takes slot 1 (a pointer), calls 2
      body([0x41, 0x05]), // a pointer target: small, emptied all the same
      body(padded(7)), // named for the set, but called by main: kept
      body(padded(9)), // named for the set, only in the table: emptied
      body(padded(11)), // the set's name only inside generic arguments: kept
    ])),
    // The name section: function names (subsection 1), a vector of (index, name).
    section(0, Buffer.concat([str('name'), Buffer.from([0x01]),
      leb(vec(names.map((n, i) => Buffer.concat([leb(i), str(n)]))).length),
      vec(names.map((n, i) => Buffer.concat([leb(i), str(n)])))])),
  ]);
  const names = [
    'app::main',
    '<T as tachys::view::any_view::IntoAny>::into_any::hydrate_async',
    'tachys::view::X::hydrate_async::{{closure}}',
    '<tachys::view::Y as tachys::view::RenderHtml>::hydrate_async::{{closure}}',
    'core::ptr::drop_in_place<tachys::view::Z::hydrate_async::{{closure}}>',
  ];
  const checks = [];
  const check = (what, ok) => checks.push([what, ok]);
  const input = module(names);
  check('the hand-made module is valid', WebAssembly.validate(input));
  const result = stub(input, 'hydrate-async');
  check('the result is valid', WebAssembly.validate(result.bytes));
  const m = readWasm(result.bytes);
  const emptied = m.functions.filter((f) => f.size === 3).map((f) => f.index);
  check(`emptied the pointer target and the table-only function (got ${emptied})`,
    emptied.join() === '1,3');
  check('kept the function main calls', result.kept.includes(names[2]));
  const main = new WebAssembly.Instance(new WebAssembly.Module(result.bytes)).exports.main;
  check('main still runs', main() === 7);
  check('segments() looks outside generic arguments',
    segments(names[4]).join('|') === 'core|ptr|drop_in_place' &&
    segments('<F as core::ops::Fn<()>>::call -> u32::hydrate_async').includes('hydrate_async'));
  let refused = false;
  try { stub(module([...names.slice(0, 4), 'leptos::mount::hydrate_lazy']), 'hydrate-async'); }
  catch (e) { refused = /starts the code/.test(e.message); }
  check('refuses a module that starts async hydration', refused);

  // With the linker's relocations. main: `i32.const 1` (slot 1, a pointer: relocated), drop,
  // `i32.const 2` (slot 2's number, but a size: no relocation), drop, call 2.
  const sizeOps = [0x41, 0x01, 0x1a, 0x41, 0x02, 0x1a, 0x10, 0x02];
  // The linker's sections: a symbol per function (linking, subsection 8), and relocations of the
  // code section (section 5 of the module) as (type, offset in its contents, symbol).
  const linked = (relocs) => [
    section(0, Buffer.concat([str('linking'), leb(2), Buffer.from([8]), (() => {
      const table = vec(names.map((n, i) => Buffer.concat([Buffer.from([0x00]), leb(0), leb(i), str(n)])));
      return Buffer.concat([leb(table.length), table]);
    })()])),
    section(0, Buffer.concat([str('reloc.CODE'), leb(5),
      vec(relocs.map(([type, offset, symbol]) => Buffer.concat([Buffer.from([type]), leb(offset), leb(symbol)])))])),
  ];
  // Offsets in the code section's contents: 1 (count), 1 (main's size), 1 (no locals), then
  // main's ops: the first constant's value at 4, the second's at 7.
  const pointer = [1, 4, 1];
  const stripped = module(names, sizeOps);
  const noRelocs = stub(stripped, 'hydrate-async');
  check('without relocations, a constant equal to a slot keeps that slot\'s function',
    noRelocs.kept.includes(names[3]));
  const taken = addressesTaken(Buffer.concat([stripped, ...linked([pointer])]));
  check('addressesTaken reads which function takes which address',
    [...taken.keys()].join() === names[0] && [...taken.get(names[0])].join() === names[1]);
  const relocated = stub(stripped, 'hydrate-async', { taken });
  const emptiedR = readWasm(relocated.bytes).functions.filter((f) => f.size === 3).map((f) => f.index);
  check(`with them, a constant that is no address keeps nothing (emptied ${emptiedR})`,
    emptiedR.join() === '1,3' && relocated.kept.includes(names[2]));
  check('the result still runs', new WebAssembly.Instance(new WebAssembly.Module(relocated.bytes)).exports.main() === 7);
  const takenToo = addressesTaken(Buffer.concat([stripped, ...linked([pointer, [1, 7, 3]])]));
  check('a function whose address is taken by code that stays, stays',
    stub(stripped, 'hydrate-async', { taken: takenToo }).kept.includes(names[3]));
  for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return checks.every(([, ok]) => ok);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--self-test') process.exit(selfTest() ? 0 : 1);
  const [input, output, set, linked] = process.argv.slice(2);
  if (!input || !output || !set) {
    console.error('usage: node scripts/wasm-stub.mjs <in.wasm> <out.wasm> hydrate-async [<linked.wasm>] | --self-test');
    process.exit(2);
  }
  const taken = linked ? addressesTaken(readFileSync(linked)) : undefined;
  const result = stub(readFileSync(input), set, { taken });
  writeFileSync(output, result.bytes);
  console.log(`wasm-stub: ${set}: ${result.stubbed} functions emptied in ${input} ` +
    `(${result.saved.toLocaleString('en-US')} bytes of code before wasm-opt); ` +
    `${result.kept.length} of the same names kept, as code that stays uses them`);
  if (process.env.DHOW_STUB_VERBOSE) for (const name of result.kept) console.log(`  kept ${name}`);
}
