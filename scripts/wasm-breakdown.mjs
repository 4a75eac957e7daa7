// Where a wasm binary's bytes go, per crate and per module, read from the `name` section of a
// build that rustc wrote (before wasm-bindgen and wasm-opt strip it).
//   node scripts/wasm-breakdown.mjs <file.wasm> [--top N] [--shipped <file_bg.wasm>] [--functions PATH]
//   --functions  lists the largest shipping functions whose demangled name contains PATH
//                (`dhow_app::hooks::use_cart`), to see where a module's bytes go
//   --shipped  the same build after wasm-bindgen and wasm-opt: prints how its brotli bytes compare
//              with the raw figures here, so that a reader can scale them
//   --self-test  checks the demangler against known symbols
// Written by hand rather than with twiggy or wasm-tools: a size report must run where only Node is
// installed, and reading sections, names and call instructions is a few hundred lines.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// The binary reader.

export class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.b = bytes;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error(`read past the end at ${this.pos}`);
    return this.b[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  }
  // Signed LEB128 of any width; values beyond 2^53 lose precision, which no size figure needs.
  sleb() {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (byte & 0x40) result -= 2 ** shift;
    return result;
  }
  skip(n) {
    this.pos += n;
    if (this.pos > this.end) throw new Error(`skipped past the end at ${this.pos}`);
  }
  name() {
    const len = this.u32();
    const s = Buffer.from(this.b.buffer, this.b.byteOffset + this.pos, len).toString('utf8');
    this.skip(len);
    return s;
  }
}

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount', 'tag'];

function limits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}

// A value type or a reference type; the typed-reference forms carry a heap type.
export function valtype(r) {
  const t = r.byte();
  if (t === 0x63 || t === 0x64) r.sleb();
}

// Walks one expression (a function body after its locals, or a constant expression) and reports
// what sizes need: the functions it calls or takes a reference to, and the constant addresses it
// uses (i32.const operands and load/store offsets), which point into the data section.
export function walkCode(r, onFunc, onAddress) {
  const memarg = () => {
    const align = r.u32();
    if (align & 0x40) r.u32(); // memory index (multi-memory)
    const offset = r.u32();
    if (offset) onAddress(offset);
  };
  const blocktype = () => {
    const t = r.b[r.pos];
    if (t === 0x40 || (t >= 0x6f && t <= 0x7f) || t === 0x63 || t === 0x64) valtype(r);
    else r.sleb();
  };
  while (r.pos < r.end) {
    const op = r.byte();
    if (op >= 0x45 && op <= 0xc4) continue; // numeric instructions: no immediates
    switch (op) {
      case 0x00: case 0x01: case 0x05: case 0x0b: case 0x0f: case 0x19: case 0x1a: case 0x1b:
      case 0x0a: case 0xd1: case 0xd3: case 0xd5:
        break;
      case 0x02: case 0x03: case 0x04: case 0x06:
        blocktype();
        break;
      case 0x07: case 0x08: case 0x09: case 0x0c: case 0x0d: case 0x18: case 0xd4: case 0xd6:
      case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26:
      case 0x14: case 0x15:
        r.u32();
        break;
      case 0x0e: {
        const n = r.u32();
        for (let i = 0; i <= n; i++) r.u32();
        break;
      }
      case 0x10: case 0x12: case 0xd2:
        onFunc(r.u32());
        break;
      case 0x11: case 0x13:
        r.u32();
        r.u32();
        break;
      case 0x1c: {
        const n = r.u32();
        for (let i = 0; i < n; i++) valtype(r);
        break;
      }
      case 0x1f: { // try_table
        blocktype();
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const kind = r.byte();
          if (kind <= 1) r.u32();
          r.u32();
        }
        break;
      }
      case 0x3f: case 0x40:
        r.u32();
        break;
      case 0x41: {
        const v = r.sleb();
        if (v > 0) onAddress(v);
        break;
      }
      case 0x42: r.sleb(); break;
      case 0x43: r.skip(4); break;
      case 0x44: r.skip(8); break;
      case 0xd0: r.sleb(); break;
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) break;
        if (sub === 8 || sub === 10 || sub === 12 || sub === 14) { r.u32(); r.u32(); break; }
        r.u32();
        break;
      }
      case 0xfd: { // SIMD
        const sub = r.u32();
        if (sub <= 11 || sub === 92 || sub === 93) memarg();
        else if (sub === 12 || sub === 13) r.skip(16);
        else if (sub >= 21 && sub <= 34) r.skip(1);
        else if (sub >= 84 && sub <= 91) { memarg(); r.skip(1); }
        break;
      }
      case 0xfe: { // threads
        const sub = r.u32();
        if (sub === 3) r.skip(1);
        else memarg();
        break;
      }
      default:
        if (op >= 0x28 && op <= 0x3e) { memarg(); break; }
        throw new Error(`unknown opcode 0x${op.toString(16)} at ${r.pos - 1}`);
    }
  }
}

// Reads the module: every section's extent, function bodies, data segments, names, and the call
// graph, with the byte accounting that proves nothing was missed.
export function readWasm(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm binary');
  const r = new Reader(bytes, 8);
  const m = {
    size: bytes.length, sections: [], imports: [], funcImports: 0, functions: [], exports: [],
    elemFuncs: [], elemSlots: new Map(), start: null, data: [], names: new Map(), dataNames: new Map(), custom: {},
  };
  while (r.pos < r.end) {
    const headerStart = r.pos;
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    const s = new Reader(bytes, start, start + size);
    const section = { id, kind: SECTION[id] ?? `unknown ${id}`, header: start - headerStart, start, size };
    if (id === 0) {
      section.name = s.name();
      m.custom[section.name] = { start: s.pos, end: s.end };
    } else if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        const module = s.name();
        const name = s.name();
        const kind = s.byte();
        if (kind === 0) { s.u32(); m.imports.push({ module, name, func: m.funcImports++ }); }
        else if (kind === 1) { valtype(s); limits(s); }
        else if (kind === 2) limits(s);
        else if (kind === 3) { valtype(s); s.byte(); }
        else if (kind === 4) { s.byte(); s.u32(); }
      }
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.byte();
        const index = s.u32();
        if (kind === 0) m.exports.push({ name, index });
      }
    } else if (id === 8) {
      m.start = s.u32();
    } else if (id === 9) {
      readElements(s, m.elemFuncs, m.elemSlots);
    } else if (id === 10) {
      const count = s.u32();
      section.overhead = s.pos - start;
      for (let i = 0; i < count; i++) {
        const entry = s.pos;
        const len = s.u32();
        const body = s.pos;
        section.overhead += body - entry;
        m.functions.push({ index: m.funcImports + i, body, size: len });
        s.skip(len);
      }
    } else if (id === 11) {
      const count = s.u32();
      section.overhead = s.pos - start;
      for (let i = 0; i < count; i++) {
        const entry = s.pos;
        const flags = s.u32();
        let address = null;
        if (flags === 2) s.u32();
        if (flags !== 1) {
          const offset = constExpr(s);
          if (offset.byte() === 0x41) address = offset.sleb(); // i32.const: an active segment's address
        }
        const len = s.u32();
        section.overhead += s.pos - entry;
        m.data.push({ index: i, address, start: s.pos, size: len });
        s.skip(len);
      }
    }
    if (section.name === 'name') readNames(s, m);
    m.sections.push(section);
    r.pos = start + size;
  }
  return m;
}

// A constant expression ends at its first `end`; walkCode needs a reader bounded to it.
function constExpr(s) {
  // Constant expressions hold only consts, global.get, ref.func, ref.null and arithmetic.
  const start = s.pos;
  for (;;) {
    const op = s.byte();
    if (op === 0x0b) break;
    if (op === 0x41 || op === 0x42 || op === 0xd0) s.sleb();
    else if (op === 0x43) s.skip(4);
    else if (op === 0x44) s.skip(8);
    else if (op === 0x23 || op === 0xd2) s.u32();
  }
  return new Reader(s.b, start, s.pos);
}

// `slots`: the table slot of each function an active segment places at a constant offset.
function readElements(s, out, slots) {
  for (let n = s.u32(); n > 0; n--) {
    const flags = s.u32();
    const exprs = flags & 4;
    if (flags & 2 && !(flags & 1)) s.u32(); // table index
    let slot = null;
    if (!(flags & 1)) {
      const offset = constExpr(s);
      if (offset.byte() === 0x41) slot = offset.sleb();
    }
    if (flags & 3) { if (exprs) valtype(s); else s.byte(); } // element kind or reference type
    for (let k = s.u32(); k > 0; k--) {
      const at = out.length;
      if (exprs) walkCode(constExpr(s), (f) => out.push(f), () => {});
      else out.push(s.u32());
      if (slot !== null && out.length > at) slots.set(out[at], slot);
      if (slot !== null) slot++;
    }
  }
}

function readNames(s, m) {
  while (s.pos < s.end) {
    const id = s.byte();
    const size = s.u32();
    const end = s.pos + size;
    if (id === 1 || id === 9) {
      const target = id === 1 ? m.names : m.dataNames;
      for (let n = s.u32(); n > 0; n--) {
        const index = s.u32();
        target.set(index, s.name());
      }
    }
    s.pos = end;
  }
}

// What one function body names: the functions it calls (or takes with `ref.func`), and the
// positive constants and memory offsets it uses (addresses, table slots).
export function bodyUses(bytes, f) {
  const r = new Reader(bytes, f.body, f.body + f.size);
  for (let n = r.u32(); n > 0; n--) { r.u32(); valtype(r); }
  const calls = [];
  const constants = [];
  walkCode(r, (g) => calls.push(g), (a) => constants.push(a));
  if (r.pos !== f.body + f.size) throw new Error(`function ${f.index} decoded to ${r.pos}`);
  return { calls, constants };
}

// Functions reachable from what the page calls: exports, the start function, the indirect-call
// table. wasm-bindgen runs its `__wbindgen_describe_*` exports at build time to learn the types
// of what crosses to JS, then deletes them and every function only they reach, so that code is
// in the file rustc wrote but never ships.
function reachable(m, bytes) {
  const calls = new Map();
  const addresses = new Map();
  for (const f of m.functions) {
    const used = bodyUses(bytes, f);
    calls.set(f.index, used.calls);
    addresses.set(f.index, used.constants);
  }
  const roots = [
    ...m.exports.filter((e) => !e.name.startsWith('__wbindgen_describe')).map((e) => e.index),
    ...m.elemFuncs, ...(m.start === null ? [] : [m.start]),
  ];
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const g of calls.get(f) ?? []) stack.push(g);
  }
  return { kept: seen, addresses };
}

// ---------------------------------------------------------------------------------------------
// The demangler: enough of Rust's two manglings to print a path and find its crate.

const LEGACY_ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

// `_ZN` length-prefixed segments `E`, the last segment `17h<16 hex>` the hash.
function demangleLegacy(sym) {
  const m = /^_?_ZN/.exec(sym);
  if (!m) return null;
  let i = m[0].length;
  const parts = [];
  while (sym[i] !== 'E') {
    const digits = /^\d+/.exec(sym.slice(i));
    if (!digits) return null;
    i += digits[0].length;
    const len = Number(digits[0]);
    if (i + len > sym.length) return null;
    parts.push(sym.slice(i, i + len));
    i += len;
  }
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.map((p) => p.replace(/^_\$/, '$')
    .replace(/\$(SP|BP|RF|LT|GT|LP|RP|C|u[0-9a-f]+)\$/g, (all, code) => LEGACY_ESCAPES[code] ?? String.fromCodePoint(parseInt(code.slice(1), 16)))
    .replaceAll('..', '::'))
    .join('::');
}

const BASIC = { a: 'i8', b: 'bool', c: 'char', d: 'f64', e: 'str', f: 'f32', h: 'u8', i: 'isize',
  j: 'usize', l: 'i32', m: 'u32', n: 'i128', o: 'u128', s: 'i16', t: 'u16', u: '()', v: '...',
  x: 'i64', y: 'u64', z: '!', p: '_' };

// v0 (`_R…`, RFC 2603; this toolchain's precompiled standard library uses it): printed close to
// rustc-demangle's alternate form, without crate disambiguators, lifetimes, or the `::` before
// generic arguments.
function demangleV0(sym) {
  const m = /^_?_R/.exec(sym);
  if (!m) return null;
  const s = sym.slice(m[0].length);
  let i = 0;
  const peek = () => s[i];
  const eat = (c) => (s[i] === c ? (i++, true) : false);
  const fail = () => { throw new Error('bad v0 symbol'); };
  const base62 = () => {
    if (eat('_')) return 0;
    let n = 0;
    for (;;) {
      const c = s[i++];
      if (c === '_') return n + 1;
      const d = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(c);
      if (d < 0) fail();
      n = n * 62 + d;
    }
  };
  const disambiguator = () => (eat('s') ? base62() + 1 : 0);
  const ident = () => {
    const punycode = eat('u');
    const digits = /^\d+/.exec(s.slice(i));
    if (!digits) fail();
    i += digits[0].length;
    eat('_');
    const text = s.slice(i, i + Number(digits[0]));
    i += Number(digits[0]);
    return punycode ? `punycode{${text}}` : text;
  };
  const backref = (parse) => {
    const at = i - 1;
    const target = base62();
    if (target >= at) fail();
    const saved = i;
    i = target;
    const out = parse();
    i = saved;
    return out;
  };
  let lifetimes = 0;
  const binder = () => { if (eat('G')) lifetimes += base62() + 1; };
  const lifetime = () => { base62(); return "'_"; };
  const genericArg = () => {
    if (eat('L')) return lifetime();
    if (eat('K')) return konst();
    return type();
  };
  const args = () => {
    const out = [];
    while (!eat('E')) out.push(genericArg());
    return out;
  };
  const konst = () => {
    if (eat('B')) return backref(konst);
    if (eat('p')) return '_';
    const t = s[i++];
    if (t === 'e') { const j = s.indexOf('_', i); const hex = s.slice(i, j); i = j + 1; return `"${Buffer.from(hex, 'hex').toString('utf8')}"`; }
    if (t === 'A' || t === 'T') { const v = []; while (!eat('E')) v.push(konst()); return t === 'A' ? `[${v}]` : `(${v})`; }
    if (t === 'R' || t === 'Q') return `&${konst()}`;
    if (t === 'V') { const p = path(); eat('U') || (eat('T') ? args() : eat('S') && args()); return p; }
    const neg = eat('n');
    const j = s.indexOf('_', i);
    const hex = s.slice(i, j);
    i = j + 1;
    if (t === 'b') return hex === '1' ? 'true' : 'false';
    if (t === 'c') return `'${String.fromCodePoint(parseInt(hex, 16))}'`;
    return `${neg ? '-' : ''}${hex ? BigInt(`0x${hex}`) : 0}`;
  };
  const fnSig = () => {
    binder();
    const unsafe = eat('U');
    let abi = '';
    if (eat('K')) abi = eat('C') ? 'extern "C" ' : `extern "${ident()}" `;
    const params = [];
    while (!eat('E')) params.push(type());
    const ret = type();
    return `${unsafe ? 'unsafe ' : ''}${abi}fn(${params.join(', ')})${ret === '()' ? '' : ` -> ${ret}`}`;
  };
  const type = () => {
    const c = s[i++];
    if (BASIC[c]) return BASIC[c];
    switch (c) {
      case 'A': { const t = type(); return `[${t}; ${konst()}]`; }
      case 'S': return `[${type()}]`;
      case 'T': { const v = []; while (!eat('E')) v.push(type()); return `(${v.join(', ')}${v.length === 1 ? ',' : ''})`; }
      case 'R': case 'Q': { if (eat('L')) lifetime(); return `&${c === 'Q' ? 'mut ' : ''}${type()}`; }
      case 'P': return `*const ${type()}`;
      case 'O': return `*mut ${type()}`;
      case 'F': return fnSig();
      case 'D': {
        binder();
        const traits = [];
        while (!eat('E')) {
          let t = path();
          const assoc = [];
          while (eat('p')) assoc.push(`${ident()} = ${type()}`);
          if (assoc.length) t = `${t.replace(/>$/, '')}${t.endsWith('>') ? ', ' : '<'}${assoc.join(', ')}>`;
          traits.push(t);
        }
        eat('L') && lifetime();
        return `dyn ${traits.join(' + ')}`;
      }
      case 'B': return backref(type);
      default: i--; return path();
    }
  };
  const path = () => {
    const c = s[i++];
    switch (c) {
      case 'C': disambiguator(); return ident();
      // Impls print as legacy mangling prints them, so that both group alike: an inherent impl
      // where it is written, a trait impl on a path type as `<T as Trait>`, on any other type
      // (`u32`, `[T]`, `&T`) where it is written.
      case 'M': { disambiguator(); const at = path(); return `${at}::<impl ${type()}>`; }
      case 'X': {
        disambiguator();
        const at = path();
        const t = type();
        const tr = path();
        return /^[A-Za-z_]\w*::/.test(t) ? `<${t} as ${tr}>` : `${at}::<impl ${tr} for ${t}>`;
      }
      case 'Y': { const t = type(); return `<${t} as ${path()}>`; }
      case 'N': {
        const ns = s[i++];
        const inner = path();
        const dis = disambiguator();
        const name = ident();
        if (ns === 'C') return `${inner}::{closure#${dis}}`;
        if (ns === 'S') return `${inner}::{shim:${name}#${dis}}`;
        if (ns >= 'A' && ns <= 'Z') return `${inner}::{${ns}${name ? `:${name}` : ''}#${dis}}`;
        return `${inner}::${name}`;
      }
      case 'I': { const p = path(); return `${p}<${args().join(', ')}>`; }
      case 'B': return backref(path);
      default: fail();
    }
  };
  try {
    if (/^\d/.test(s)) while (/\d/.test(peek())) i++;
    return path();
  } catch {
    return null;
  }
}

export function demangle(sym) {
  return demangleLegacy(sym) ?? demangleV0(sym);
}

// Splits a demangled path at `::` outside of angle brackets, parentheses and braces.
function splitPath(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if ((c === '>' && text[i - 1] !== '-') || c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && c === ':' && text[i + 1] === ':') {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// The `<T as Trait>` / `<T>` / `impl Trait for T` pieces of one segment.
function qualified(segment) {
  const inner = segment.slice(1, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && inner[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (depth === 0 && inner.startsWith(' as ', i)) return { self: inner.slice(0, i), trait: inner.slice(i + 4) };
    else if (depth === 0 && inner.startsWith(' for ', i) && inner.startsWith('impl')) {
      return { self: inner.slice(i + 5), trait: inner.slice(inner.startsWith('impl<') ? inner.indexOf('> ') + 2 : 5, i) };
    }
  }
  return { self: inner.startsWith('impl ') ? inner.slice(5) : inner, trait: null };
}

// The module path of a type, when it names one: `&mut alloc::vec::Vec<T>` → [alloc, vec, Vec].
function typePath(type) {
  const t = type.replace(/^(?:&(?:mut )?|\*(?:const|mut) |dyn )+/, '');
  if (!/^[A-Za-z_][\w]*::/.test(t)) return null;
  return splitPath(t).map(stripGenerics);
}

const stripGenerics = (segment) => (segment.startsWith('<') ? segment : segment.replace(/<.*$/s, ''));
const isModuleSegment = (segment) => /^[a-z_][a-z0-9_]*$/.test(segment) && segment !== '_';

// A name a tool has demangled already (`wasm-opt -g` keeps names that way, so a release module
// built with DHOW_PROFILE_NAMES=1 can be broken down as it ships): a Rust path, its hash dropped.
function demangledAlready(name) {
  return /^(?:<|[a-z_][a-z0-9_]*::)/.test(name) ? name.replace(/::h[0-9a-f]{16}$/, '') : null;
}

// What a function is: the crate whose code it is, its module, the trait it implements if any,
// and the crates its generic arguments name (visible only in qualified paths and drop glue with
// legacy mangling, which does not name the type parameters of a generic function).
export function classify(name) {
  const text = name === undefined ? null : demangle(name) ?? demangledAlready(name);
  if (text === null) return { crate: name === undefined ? '(unnamed)' : '(unmangled: C, builtins, exports)', module: name ?? '(unnamed)', submodule: null, trait: null, args: [] };
  const segments = splitPath(text);
  let path = segments.map(stripGenerics);
  let trait = null;
  // The first qualified segment decides: `<T as Trait>::f` in the crate of T (when T is a path),
  // `crate::m::<impl Trait for T>::f` in the crate of T too, else where the code is.
  const q = path.findIndex((p) => p.startsWith('<'));
  if (q >= 0) {
    const { self, trait: t } = qualified(path[q]);
    trait = t && splitPath(t.replace(/<.*$/s, '')).join('::');
    const selfPath = typePath(self);
    if (t && selfPath) path = selfPath; // a trait impl: the self type's crate and module
    else if (q > 0) path = path.slice(0, q); // inherent, or on u32, &T, [T]: where it is written
    else path = selfPath ?? (t && typePath(t)) ?? ['core']; // <&T as Trait>::f
  }
  const crate = path[0];
  const modules = [crate];
  for (const p of path.slice(1, 4)) {
    if (!isModuleSegment(p)) break;
    modules.push(p);
  }
  const depth = crate.startsWith('dhow_') ? 3 : 2;
  const module = modules.slice(0, depth).join('::');
  const submodule = modules.slice(0, depth + 1).join('::');
  if (text.startsWith('core::ptr::drop_in_place<')) trait = 'drop glue (core::ptr::drop_in_place)';
  const args = [...text.matchAll(/(?:^|[<(\[,&\s])((?:[a-z_][a-z0-9_]*))::/g)].map((m) => m[1]);
  return { crate, module, submodule, trait, args, text };
}

// ---------------------------------------------------------------------------------------------
// The data section: text, zero runs and the rest; and spans between two addresses that code or
// other data names (a table, a string pool, a vtable), with the functions that use each.
function dataReport(m, bytes, users) {
  let zeros = 0;
  let text = 0;
  const placed = m.data.filter((seg) => seg.address !== null);
  const lo = Math.min(...placed.map((seg) => seg.address));
  const hi = Math.max(...placed.map((seg) => seg.address + seg.size));
  // Pointers stored in data (vtables, &str fields of panic locations and tables) start spans too.
  const fromData = new Set();
  for (const seg of placed) {
    for (let o = (4 - (seg.address % 4)) % 4; o + 4 <= seg.size; o += 4) {
      const v = bytes.readUInt32LE(seg.start + o);
      if (v >= lo && v < hi) fromData.add(v);
    }
  }
  const refs = [...new Set([...users.keys(), ...fromData])].sort((a, b) => a - b);
  const spans = [];
  for (const seg of m.data) {
    const b = bytes.subarray(seg.start, seg.start + seg.size);
    for (let i = 0; i < b.length;) {
      let j = i;
      if (b[i] === 0) {
        while (j < b.length && b[j] === 0) j++;
        if (j - i >= 8) zeros += j - i;
      } else {
        while (j < b.length && ((b[j] >= 0x20 && b[j] < 0x7f) || b[j] === 0x0a || b[j] >= 0x80)) j++;
        if (j - i >= 8 && !Buffer.from(b.subarray(i, j)).toString('utf8').includes('\ufffd')) text += j - i;
        j = Math.max(j, i + 1);
      }
      i = j;
    }
    if (seg.address === null) continue;
    const end = seg.address + seg.size;
    const inside = refs.filter((a) => a >= seg.address && a < end);
    if (inside[0] !== seg.address) inside.unshift(seg.address);
    for (let k = 0; k < inside.length; k++) {
      const from = inside[k];
      spans.push({ from, size: (inside[k + 1] ?? end) - from, users: users.get(from) ?? new Set(), fromData: fromData.has(from), seg });
    }
  }
  // Source paths of panic locations (`Location { file, line, col }`), one per file that can panic.
  const all = Buffer.concat(m.data.map((seg) => bytes.subarray(seg.start, seg.start + seg.size))).toString('latin1');
  const paths = new Set([...all.matchAll(/[\w.\-/@+]*\/[\w.\-@+]+\.rs/g)].map((x) => x[0]));
  const pathBytes = [...paths].reduce((t, x) => t + x.length, 0);
  return { zeros, text, spans, paths: paths.size, pathBytes };
}

function preview(bytes, span) {
  const off = span.seg.start + (span.from - span.seg.address);
  const b = bytes.subarray(off, off + span.size);
  const printable = b.filter((c) => (c >= 0x20 && c < 0x7f) || c === 0x0a).length;
  if (printable > b.length * 0.8) return `text "${Buffer.from(b.subarray(0, 60)).toString('latin1').replace(/[^\x20-\x7e]/g, ' ').replace(/\s+/g, ' ')}`;
  const zero = b.filter((c) => c === 0).length;
  return `binary, ${Math.round((zero / b.length) * 100)} % zero bytes`;
}

// ---------------------------------------------------------------------------------------------
// The report.

const n = (x) => x.toLocaleString('en-US');
const pct = (x, total) => `${((x / total) * 100).toFixed(1).padStart(5)} %`;
const brotli = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

function group(list, key) {
  const out = new Map();
  for (const f of list) {
    const k = key(f);
    const g = out.get(k) ?? { key: k, bytes: 0, count: 0 };
    g.bytes += f.size;
    g.count++;
    out.set(k, g);
  }
  return [...out.values()].sort((a, b) => b.bytes - a.bytes);
}

export function report(file, { top = 15, shipped, note, functions } = {}) {
  const bytes = readFileSync(file);
  const m = readWasm(bytes);
  const { kept, addresses } = reachable(m, bytes);
  const lines = [];
  const out = (s = '') => lines.push(s);

  out(`wasm breakdown of ${file} (${n(bytes.length)} bytes, written ${statSync(file).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  if (note) out(`WARNING: ${note}`);
  out('All figures are raw bytes of this file as rustc wrote it, before wasm-bindgen and wasm-opt');
  out('(which inline, merge and strip): compare them with each other, and scale them with the ratio');
  out('printed at the end to estimate what a shopper downloads.');

  // Sections and the check that every byte is counted once.
  const code = m.sections.find((s) => s.id === 10) ?? { overhead: 0 };
  const data = m.sections.find((s) => s.id === 11) ?? { overhead: 0 };
  const bodies = m.functions.reduce((t, f) => t + f.size, 0);
  const payload = m.data.reduce((t, d) => t + d.size, 0);
  const headers = m.sections.reduce((t, s) => t + s.header, 0);
  const others = m.sections.filter((s) => s.id !== 10 && s.id !== 11).reduce((t, s) => t + s.size, 0);
  out(`\n${'sections'.padEnd(62)}${'bytes'.padStart(11)}        %`);
  const row = (label, b) => out(`  ${label.padEnd(60)}${n(b).padStart(11)}  ${pct(b, bytes.length)}`);
  row(`code: ${n(m.functions.length)} function bodies`, bodies);
  row(`data: ${m.data.length} segments`, payload);
  const NOTE = { name: 'function names, stripped', __wasm_bindgen_unstable: 'dropped by wasm-bindgen', export: 'mostly describe exports, dropped' };
  for (const s of [...m.sections].sort((a, b) => b.size - a.size)) {
    if (s.id === 10 || s.id === 11) continue;
    const label = s.id === 0 ? `custom "${s.name}"` : s.kind;
    const note = NOTE[s.name] ?? NOTE[s.kind];
    if (s.size >= 1024) row(`${label}${note ? ` (${note})` : ''}`, s.size);
  }
  const small = m.sections.filter((s) => s.id !== 10 && s.id !== 11 && s.size < 1024);
  row(`${small.length} smaller sections`, small.reduce((t, s) => t + s.size, 0));
  row('section headers, vector counts, body sizes', 8 + headers + code.overhead + data.overhead);
  const counted = 8 + headers + code.overhead + bodies + data.overhead + payload + others;
  out(`  check: 8 (magic, version) + ${n(headers)} (section headers) + ${n(code.overhead + data.overhead)} (code and data entry headers) + ${n(bodies)} (bodies)`);
  out(`         + ${n(payload)} (data) + ${n(others)} (other sections) = ${n(counted)}: ${counted === bytes.length ? 'equals the file size' : `DIFFERS from the file size ${n(bytes.length)}`}`);
  if (counted !== bytes.length) process.exitCode = 1;

  // Names.
  const fns = m.functions.map((f) => ({ ...f, name: m.names.get(f.index), kept: kept.has(f.index) }));
  const legacy = fns.filter((f) => f.name && /^_?_ZN/.test(f.name)).length;
  const v0 = fns.filter((f) => f.name && /^_?_R/.test(f.name) && demangleV0(f.name)).length;
  const unnamed = fns.filter((f) => f.name === undefined);
  const plain = fns.length - legacy - v0 - unnamed.length;
  out(`\nnames: ${n(legacy)} legacy-mangled (_ZN…E: the crates built here), ${n(v0)} v0-mangled (_R…: the precompiled standard`);
  out(`       library), ${n(plain)} unmangled (mostly wasm-bindgen's describe functions; C, compiler-builtins, exports),`);
  out(`       ${n(unnamed.length)} unnamed (${pct(unnamed.reduce((t, f) => t + f.size, 0), bodies).trim()} of code bytes)`);
  if (!m.custom.name) out('       no name section: this file is stripped, so every function counts as unnamed');

  for (const f of fns) Object.assign(f, classify(f.name));
  const live = fns.filter((f) => f.kept);
  const liveBytes = live.reduce((t, f) => t + f.size, 0);
  const describe = fns.filter((f) => !f.kept);
  out(`\ncode reachable from the exports the page calls and the function table: ${n(live.length)} functions, ${n(liveBytes)} bytes`);
  out(`code only the __wbindgen_describe_* exports reach (wasm-bindgen runs it at build time and`);
  out(`deletes it; it never ships):  ${n(describe.length)} functions, ${n(bodies - liveBytes)} bytes (${pct(bodies - liveBytes, bodies).trim()} of code). Excluded below.`);

  // Crates.
  const crates = group(live, (f) => f.crate);
  out(`\ntop crates by code bytes (shipping code only; generic code counts under the crate that`);
  out(`defines it — legacy mangling does not name type parameters — and a trait impl under the`);
  out(`crate of its self type, e.g. <dhow_sdk::X as serde::Deserialize>::deserialize under dhow_sdk)`);
  out(`  ${'crate'.padEnd(44)}${'bytes'.padStart(11)}        %  functions`);
  for (const g of crates.slice(0, top)) out(`  ${g.key.padEnd(44)}${n(g.bytes).padStart(11)}  ${pct(g.bytes, liveBytes)}  ${String(g.count).padStart(9)}`);
  const rest = crates.slice(top);
  out(`  ${`${rest.length} other crates`.padEnd(44)}${n(rest.reduce((t, g) => t + g.bytes, 0)).padStart(11)}  ${pct(rest.reduce((t, g) => t + g.bytes, 0), liveBytes)}  ${String(rest.reduce((t, g) => t + g.count, 0)).padStart(9)}`);

  // Modules: Dhow's crates, then the biggest others; a module holding a quarter of a crate that
  // holds a twentieth of the code is opened one level further (its parts over 2 % of the crate).
  const own = crates.filter((g) => g.key.startsWith('dhow_'));
  const third = crates.filter((g) => !g.key.startsWith('dhow_') && !g.key.startsWith('('));
  for (const g of [...own, ...third.slice(0, 8)]) {
    const inCrate = live.filter((f) => f.crate === g.key);
    const modules = group(inCrate, (f) => f.module);
    out(`\n  ${`${g.key} (${n(g.bytes)} bytes): top modules`.padEnd(56)}${'bytes'.padStart(9)}  of crate`);
    for (const mod of modules.slice(0, top)) {
      out(`    ${mod.key.padEnd(54)}${n(mod.bytes).padStart(9)}  ${pct(mod.bytes, g.bytes)}`);
      if (mod.bytes < g.bytes / 4 || g.bytes < liveBytes / 20) continue;
      const subs = group(inCrate.filter((f) => f.module === mod.key && f.submodule !== mod.key), (f) => f.submodule);
      for (const sub of subs.filter((x) => x.bytes >= g.bytes / 50).slice(0, 4)) out(`      ${sub.key.padEnd(52)}${n(sub.bytes).padStart(9)}  ${pct(sub.bytes, g.bytes)}`);
    }
    const more = modules.slice(top);
    if (more.length) out(`    ${`${more.length} more`.padEnd(54)}${n(more.reduce((t, x) => t + x.bytes, 0)).padStart(9)}  ${pct(more.reduce((t, x) => t + x.bytes, 0), g.bytes)}`);
  }

  if (functions) {
    const matching = live.filter((f) => f.name && demangle(f.name)?.includes(functions)).sort((a, b) => b.size - a.size);
    out(`\n  functions whose name holds ${functions}: ${n(matching.reduce((t, f) => t + f.size, 0))} bytes in ${n(matching.length)}`);
    for (const f of matching.slice(0, top)) out(`    ${n(f.size).padStart(9)}  ${demangle(f.name).slice(0, 150)}`);
  }

  // Across crates: trait impls by trait, and other crates' generic code instantiated for Dhow's.
  const traits = group(live.filter((f) => f.trait), (f) => f.trait);
  out(`\ntrait impls by trait, across all crates (includes derived code; drop glue is compiler-made)`);
  for (const t of traits.slice(0, top)) out(`  ${t.key.slice(0, 60).padEnd(60)}${n(t.bytes).padStart(9)}  ${pct(t.bytes, liveBytes)}  ${String(t.count).padStart(6)} fns`);
  const forDhow = live.filter((f) => !f.crate.startsWith('dhow_') && f.args.some((a) => a.startsWith('dhow_')));
  out(`\nother crates' generic code whose symbol names a Dhow type (drop glue, <Vec<dhow_sdk::…> as …>):`);
  out(`  ${n(forDhow.reduce((t, f) => t + f.size, 0))} bytes in ${n(forDhow.length)} functions (a lower bound: legacy symbols of generic functions name no types)`);

  // Data.
  const users = new Map();
  for (const f of live) {
    for (const a of addresses.get(f.index)) {
      const set = users.get(a) ?? new Set();
      set.add(f);
      users.set(a, set);
    }
  }
  const d = dataReport(m, bytes, users);
  const owner = (s) => {
    const crates = new Set([...s.users].map((f) => f.crate));
    if (crates.size === 1) return [...crates][0];
    if (crates.size > 1) return '(used by code of several crates)';
    return s.fromData ? '(pointed to only from other data)' : '(no reference found)';
  };
  out(`\ndata section: ${n(payload)} bytes in ${m.data.length} segments${m.dataNames.size ? ` (${[...m.dataNames.values()].join(', ')})` : ''}`);
  out(`  ${n(d.zeros).padStart(9)} bytes in runs of 8+ zero bytes (${pct(d.zeros, payload).trim()}; wasm-opt drops long runs)`);
  out(`  ${n(d.text).padStart(9)} bytes of text in runs of 8+ printable bytes (${pct(d.text, payload).trim()}: messages, names, paths, embedded files)`);
  out(`            of which ${n(d.pathBytes)} bytes are ${d.paths} source file paths (panic locations)`);
  out(`  ${n(payload - d.zeros - d.text).padStart(9)} bytes of the rest (${pct(payload - d.zeros - d.text, payload).trim()}: tables, vtables, pointers, short strings)`);
  out(`  by the crate whose code names the start of a span (a span runs to the next address that code`);
  out(`  or data names; a heuristic, as data reached through a pointer is named by the data holding it):`);
  const byOwner = new Map();
  for (const s of d.spans) byOwner.set(owner(s), (byOwner.get(owner(s)) ?? 0) + s.size);
  for (const [k, v] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) out(`    ${k.padEnd(50)}${n(v).padStart(9)}  ${pct(v, payload)}`);
  out(`  largest spans (bytes, what they hold, a function that uses them):`);
  for (const s of [...d.spans].sort((a, b) => b.size - a.size).slice(0, Math.min(top, 12))) {
    const user = [...s.users].sort((a, b) => a.index - b.index)[0];
    const who = user ? (user.text ?? user.name).replace(/<[^<>]*(?:<[^<>]*>[^<>]*)*>/g, (x) => (x.length > 40 ? '<…>' : x)) : owner(s);
    out(`    ${n(s.size).padStart(7)}  ${preview(bytes, s).slice(0, 48).padEnd(48)}  ${who.slice(0, 90)}`);
  }

  // Scaling to what ships.
  if (shipped) {
    const sb = readFileSync(shipped);
    const sm = readWasm(sb);
    const section = (id) => sm.sections.find((x) => x.id === id);
    out(`\nshipped: ${shipped} (${n(sb.length)} bytes, written ${statSync(shipped).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
    if (sm.custom.name || Object.keys(sm.custom).some((k) => k.startsWith('.debug'))) {
      out('  carries names or debug info: not a release build, so no ratio is printed');
    } else {
      const total = brotli(sb);
      const slice = (s) => {
        let start = 0;
        let pos = 8;
        for (const x of sm.sections) { pos += x.header; if (x === s) start = pos; pos += x.size; }
        return sb.subarray(start, start + s.size);
      };
      const codeBr = section(10) ? brotli(slice(section(10))) : 0;
      const dataBr = section(11) ? brotli(slice(section(11))) : 0;
      const preRaw = liveBytes + payload;
      const shippedCode = sm.functions.reduce((t, f) => t + f.size, 0);
      const shippedData = sm.data.reduce((t, x) => t + x.size, 0);
      out(`  raw after wasm-opt: code ${n(shippedCode)} bytes in ${n(sm.functions.length)} functions (${(shippedCode / liveBytes).toFixed(3)} × shipping code above), data ${n(shippedData)} (${(shippedData / payload).toFixed(3)} ×)`);
      out(`  whole file ${n(total)} bytes brotli = ${(total / preRaw).toFixed(3)} × the ${n(preRaw)} raw bytes of shipping code and data above`);
      out(`  code section alone: ${n(codeBr)} brotli = ${(codeBr / liveBytes).toFixed(3)} × shipping code above (use this to scale a crate or module)`);
      out(`  data section alone: ${n(dataBr)} brotli = ${(dataBr / payload).toFixed(3)} × data above`);
    }
  } else {
    out('\n(pass --shipped <file_bg.wasm> to print how these raw figures scale to shipped brotli bytes)');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Which binary rustc wrote for a shipped file. Builds with other features share
// target/wasm32-unknown-unknown/release/ (the test command builds with the network adapters after
// the default build), so the uplifted <bin>.wasm is whichever was built last; cargo keeps each in
// deps/ under a hash of its own. The one that shipped declares every JS import the shipped file
// has (wasm-bindgen names them `__wbg_<name>_<hash>`), and was written just before it.

function wbgImports(bytes) {
  const r = new Reader(bytes, 8);
  while (r.pos < r.end) {
    const id = r.byte();
    const size = r.u32();
    if (id !== 2) { r.skip(size); continue; }
    const names = new Set();
    for (let n = r.u32(); n > 0; n--) {
      r.name();
      const name = r.name();
      const kind = r.byte();
      if (kind === 0) r.u32();
      else if (kind === 1) { valtype(r); limits(r); }
      else if (kind === 2) limits(r);
      else if (kind === 3) { valtype(r); r.byte(); }
      else if (kind === 4) { r.byte(); r.u32(); }
      if (name.startsWith('__wbg_')) names.add(name);
    }
    return names;
  }
  return new Set();
}

export function findPreOpt(dir, bin, shipped) {
  const uplifted = join(dir, `${bin}.wasm`);
  if (!shipped) return existsSync(uplifted) ? { file: uplifted, note: `no shipped ${bin} to compare with: this is the last release build's binary` } : null;
  const deps = join(dir, 'deps');
  const prefix = `${bin.replaceAll('-', '_')}-`;
  const seen = new Set();
  const candidates = [uplifted,
    ...(existsSync(deps) ? readdirSync(deps).filter((f) => f.startsWith(prefix) && f.endsWith('.wasm')).map((f) => join(deps, f)) : [])]
    .filter((f) => existsSync(f))
    .filter((f) => { const ino = statSync(f).ino; return !seen.has(ino) && seen.add(ino); });
  if (!candidates.length) return null;
  const wanted = wbgImports(readFileSync(shipped));
  const time = statSync(shipped).mtimeMs;
  const fits = candidates.filter((f) => { const have = wbgImports(readFileSync(f)); return [...wanted].every((x) => have.has(x)); });
  const mtime = (f) => statSync(f).mtimeMs;
  const before = fits.filter((f) => mtime(f) <= time).sort((a, b) => mtime(b) - mtime(a));
  if (before.length) return { file: before[0] };
  if (fits.length) return { file: fits.sort((a, b) => mtime(a) - mtime(b))[0], note: 'written after the shipped file: it may not be the build that shipped' };
  return { file: candidates[0], note: 'its JS imports differ from the shipped file\'s: not the build that shipped' };
}

// ---------------------------------------------------------------------------------------------

// Symbols taken from this project's binaries, and v0 cases from rustc-demangle's and perf's tests.
const TESTS = [
  ['_ZN4core3fmt5write17h0123456789abcdefE', 'core::fmt::write'],
  ['_ZN42_$LT$$RF$T$u20$as$u20$core..fmt..Debug$GT$3fmt17hdaae6781b3767390E', '<&T as core::fmt::Debug>::fmt'],
  ['_ZN4core3ptr59drop_in_place$LT$dhow_sdk..model..checkout..CardDetails$GT$17h4ab959b6e4a26cbaE', 'core::ptr::drop_in_place<dhow_sdk::model::checkout::CardDetails>'],
  ['_ZN6tachys14reactive_graph8property68_$LT$impl$u20$tachys..html..property..IntoProperty$u20$for$u20$F$GT$5build28_$u7b$$u7b$closure$u7d$$u7d$17h7a3db79670fe45f9E', 'tachys::reactive_graph::property::<impl tachys::html::property::IntoProperty for F>::build::{{closure}}'],
  ['_RNvXCs15kBYyAo9fc_7mycrateNtB2_7ExampleNtB2_5Trait3foo', '<mycrate::Example as mycrate::Trait>::foo'],
  ['_RNvYNtCs15kBYyAo9fc_7mycrate7ExampleNtB4_5Trait7exampleB4_', '<mycrate::Example as mycrate::Trait>::example'],
  ['_RNCNvCsgStHSCytQ6I_7mycrate4mains_0B3_', 'mycrate::main::{closure#1}'],
  ['_RINvCsgStHSCytQ6I_7mycrate7examplelKj1_EB2_', 'mycrate::example<i32, 1>'],
  ['_RINvCs7qp2U7fqm6G_7mycrate7exampleFG0_RL1_hRL0_tEuEB2_', 'mycrate::example<fn(&u8, &u16)>'],
  ['_RINvNtCs55qC6OcLGgs_4core3ptr9drop_glueINtNtCs8oYkXk2gzQW_5alloc3vec3VecNtNtBG_6string6StringEECsiYmzjmTrTwQ_4rgen', 'core::ptr::drop_glue<alloc::vec::Vec<alloc::string::String>>'],
  ['_RNvMsr_NtCs3ssYzQotkvD_3std4pathNtB5_7PathBuf3newCs15kBYyAo9fc_7mycrate', 'std::path::<impl std::path::PathBuf>::new'],
  ['_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmallocINtB5_8DlmallocNtNtB7_3sys6SystemE6mallocCsebHcaeoSrxy_3std', 'dlmalloc::dlmalloc::<impl dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc'],
];
// [symbol, crate, module]
const CLASSES = [
  ['_ZN8dhow_sdk5model7catalog1_91_$LT$impl$u20$serde_core..de..Deserialize$u20$for$u20$dhow_sdk..model..catalog..Product$GT$11deserialize17he038389b3e896522E', 'dhow_sdk', 'dhow_sdk::model::catalog'],
  ['_ZN42_$LT$$RF$T$u20$as$u20$core..fmt..Debug$GT$3fmt17hdaae6781b3767390E', 'core', 'core::fmt'],
  ['_RNvXs8_NtNtNtCsgXGp5Oqx2Ny_4core3fmt3num3impmNtB9_7Display3fmt', 'core', 'core::fmt'],
  ['_RNvMs3_NtCs5cOc02OMXlo_5alloc3stre12to_lowercase', 'alloc', 'alloc::str'],
  ['_RNvXCs15kBYyAo9fc_7mycrateNtB2_7ExampleNtB2_5Trait3foo', 'mycrate', 'mycrate'],
  ['__muloti4', '(unmangled: C, builtins, exports)', '__muloti4'],
];

const args = process.argv.slice(2);
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (args.includes('--self-test')) {
    let failed = 0;
    for (const [sym, want] of TESTS) {
      const got = demangle(sym);
      if (got !== want) { failed++; console.log(`FAIL ${sym}\n  got  ${got}\n  want ${want}`); }
    }
    for (const [sym, crate, module] of CLASSES) {
      const c = classify(sym);
      if (c.crate !== crate || c.module !== module) { failed++; console.log(`FAIL ${sym}\n  got  ${c.crate} ${c.module}\n  want ${crate} ${module}`); }
    }
    console.log(`${TESTS.length + CLASSES.length - failed} of ${TESTS.length + CLASSES.length} demangler checks pass`);
    process.exit(failed ? 1 : 0);
  }
  const file = args.find((a, i) => !a.startsWith('--') && !['--top', '--shipped', '--functions'].includes(args[i - 1]));
  if (!file) {
    console.error('usage: node scripts/wasm-breakdown.mjs <file.wasm> [--top N] [--shipped <file_bg.wasm>] [--functions PATH]');
    process.exit(2);
  }
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  console.log(report(file, { top: Number(opt('--top') ?? 15), shipped: opt('--shipped'), functions: opt('--functions') }));
}
