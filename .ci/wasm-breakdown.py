#!/usr/bin/env python3
"""Which crates cost the bytes of a WASM module: code size per crate, from the module's name
section (build without stripping, e.g. `cargo build -p frontend --target wasm32-unknown-unknown
--profile wasm-release`). Usage: wasm-breakdown.py module.wasm [top-functions]"""
import re, sys, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size

def name_of(b):
    n, i = leb(b, 0)
    return b[i:i + n].decode(), b[i + n:]

data = open(sys.argv[1], 'rb').read()
imported = 0; bodies = []; names = {}; data_size = 0; custom = collections.Counter()
for sid, body in sections(data):
    if sid == 2:
        count, i = leb(body, 0)
        for _ in range(count):
            for _ in range(2):
                n, i = leb(body, i); i += n
            kind = body[i]; i += 1
            if kind == 0: _, i = leb(body, i); imported += 1
            elif kind == 1: i += 1; flags = body[i]; i += 1; _, i = leb(body, i); i = leb(body, i)[1] if flags & 1 else i
            elif kind == 2: flags = body[i]; i += 1; _, i = leb(body, i); i = leb(body, i)[1] if flags & 1 else i
            elif kind == 3: i += 2
            else: i += 2
    elif sid == 10:
        count, i = leb(body, 0)
        for _ in range(count):
            size, j = leb(body, i); bodies.append(size + (j - i)); i = j + size
    elif sid == 11:
        data_size = len(body)
    elif sid == 0:
        nm, rest = name_of(body)
        custom[nm] += len(body)
        if nm == 'name':
            i = 0
            while i < len(rest):
                sub = rest[i]; size, j = leb(rest, i + 1)
                if sub == 1:
                    count, k = leb(rest, j)
                    for _ in range(count):
                        idx, k = leb(rest, k); n, k = leb(rest, k)
                        names[idx] = rest[k:k + n].decode('utf-8', 'replace'); k += n
                i = j + size

ESC = {'$LT$': '<', '$GT$': '>', '$u20$': ' ', '$RF$': '&', '$C$': ',', '$LP$': '(', '$RP$': ')', '$BP$': '*',
       '$u7b$': '{', '$u7d$': '}', '$u5b$': '[', '$u5d$': ']', '$u27$': "'", '$u3b$': ';', '$u22$': '"', '$u2b$': '+', '$SP$': '@'}

def demangle(name):
    """Rust's legacy (_ZN…E) mangling, enough to read crate paths; v0 (_R…) names give their crate."""
    if name.startswith('_ZN'):
        i, parts = 3, []
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit(): j += 1
            n = int(name[i:j]); parts.append(name[j:j + n]); i = j + n
        if parts and re.fullmatch(r'h[0-9a-f]{16}', parts[-1]): parts.pop()
        out = '::'.join(parts)
        for k, v in ESC.items(): out = out.replace(k, v)
        return out.replace('..', '::').lstrip('_')
    if name.startswith('_R'):
        m = re.search(r'Cs[0-9a-zA-Z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)', name)
        if m: return m.group(2)[:int(m.group(1))] + '::' + name
    return name

def crate(name):
    name = re.sub(r'^(_?<)+', '', name)
    m = re.match(r'([A-Za-z_][A-Za-z0-9_]*)::', name)
    if m: return m.group(1)
    return '(' + (name.split('::')[0][:30] or '?') + ')'

per = collections.Counter(); top = []
for k, size in enumerate(bodies):
    name = demangle(names.get(imported + k, f'func{imported + k}'))
    per[crate(name)] += size; top.append((size, name))
total = sum(bodies)
print(f'{sys.argv[1]}: {len(data)} bytes; code {total}, data {data_size}, custom {dict(custom)}')
asyn = sum(sz for sz, nm in top if 'hydrate_async' in nm)
print(f'hydrate_async (lazy-route hydration) {asyn} ({100 * asyn / total:.1f}%)')
for c, s in per.most_common(40):
    print(f'{s:>9} {100 * s / total:5.1f}%  {c}')
n = int(sys.argv[2]) if len(sys.argv) > 2 else 0
for s, name in sorted(top, reverse=True)[:n]:
    print(f'{s:>8}  {name[:160]}')
