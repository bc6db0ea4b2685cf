#!/usr/bin/env python3
# mcurl — libcurl 7.88.1 compatible API. MIT licence.
#
# Reads the reference curl headers (the system's libcurl 7.88.1 headers) and
# writes C programs that pin down their ABI facts.
#
#   gen_header_table.py table  SYSINC OUT.c   value table program
#   gen_header_table.py protos SYSINC OUT.c   declaration check unit
#   gen_header_table.py adapt  INC IN.c OUT.c  IN.c with every line that does
#                                               not compile against INC turned
#                                               into a "... DOES-NOT-COMPILE" line
#   gen_header_table.py list   SYSINC         summary of what was found
#
# SYSINC is the directory holding curl/curl.h (e.g. /usr/include/x86_64-linux-gnu).
#
# "table": a program printing one line per item:
#     NAME <value>                      enum members, integer #defines
#     NAME str "<text>"                 string #defines
#     NAME type size=N signed=S         type-valued #defines and typedefs
#     NAME tokens <text>                other #defines (e.g. a literal suffix)
#     NAME defined                      #defines with an empty value
#     NAME fmacro                       function-like macros (presence only)
#     sizeof(struct X) N / offsetof(struct X, m) N / sizeof(struct X.m) N
# Compile it once against each set of headers and diff the outputs.
#
# "protos": a C11 unit to compile against OUR headers: it redeclares every
# public function and typedef with the reference text and checks the type of
# every struct member, so any difference of type is a compile error.

import os
import re
import subprocess
import sys
import tempfile

CC = os.environ.get("CC", "cc")

HEADERS = ["curl/curl.h", "curl/mprintf.h", "curl/stdcheaders.h"]

# Function-like macros that are implementation details of libcurl's own
# typecheck-gcc.h, not API.
PRIVATE_FMACRO = re.compile(r"^(curlcheck_|_curl_|CURLWARNING$)")

TYPE_WORDS = {"long", "int", "short", "char", "unsigned", "signed",
              "socklen_t", "size_t", "ssize_t", "off_t", "__int64"}

IDENT = re.compile(r"[A-Za-z_]\w*")


def run(cmd, inp=None):
    r = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write("command failed: %s\n%s" % (" ".join(cmd), r.stderr))
        sys.exit(2)
    return r.stdout


def tu_text():
    return "".join("#include <%s>\n" % h for h in HEADERS)


def cc_base(sysinc):
    # -std=gnu11 so that typecheck-gcc.h is part of the picture as well.
    return [CC, "-std=gnu11", "-I", sysinc, "-x", "c", "-"]


# ---------------------------------------------------------------- macros

def collect_macros(sysinc):
    """Object-like and function-like macros defined by the curl headers."""
    defs = run(cc_base(sysinc) + ["-E", "-dM"], tu_text())
    # Macros of the system headers the curl headers pull in: subtract them.
    base = run([CC, "-std=gnu11", "-x", "c", "-", "-E", "-dM"],
               "#include <stdio.h>\n#include <stdarg.h>\n#include <limits.h>\n"
               "#include <sys/types.h>\n#include <time.h>\n"
               "#include <sys/select.h>\n#include <sys/socket.h>\n"
               "#include <sys/time.h>\n")
    base_names = set(re.findall(r"^#define (\w+)", base, re.M))
    objs, funcs = {}, []
    for line in defs.splitlines():
        m = re.match(r"#define (\w+)(\(([^)]*)\))?(?: (.*))?$", line)
        if not m:
            continue
        name, isfunc, body = m.group(1), m.group(2), (m.group(4) or "")
        if name in base_names or name.startswith("__"):
            continue
        if not re.match(r"(CURL|LIBCURL|curl_|Curl)", name) and \
           not PRIVATE_FMACRO.match(name):
            continue
        if isfunc:
            if not PRIVATE_FMACRO.match(name):
                funcs.append(name)
            continue
        if re.match(r"CURLINC_\w+_H$", name) and body.strip() == "":
            continue  # include guard
        objs[name] = body.strip()
    return objs, sorted(funcs)


def expand_macros(sysinc, names):
    """Fully expanded token text of each object-like macro."""
    src = tu_text() + "".join('@@"%s"@@ %s\n' % (n, n) for n in names)
    out = run(cc_base(sysinc) + ["-E", "-P"], src)
    exp = {}
    for line in out.splitlines():
        m = re.match(r'@@"(\w+)"@@ ?(.*)$', line)
        if m:
            exp[m.group(1)] = m.group(2).strip()
    return exp


def classify(name, expansion):
    if expansion == "":
        return "defined"
    if re.fullmatch(r'(\s*"([^"\\]|\\.)*"\s*)+', expansion):
        return "string"
    toks = IDENT.findall(expansion)
    if toks and re.fullmatch(r"[\w\s]+", expansion) and \
       all(t in TYPE_WORDS for t in toks):
        return "type"
    if "__attribute__" in expansion or "__declspec" in expansion:
        return "tokens"
    return "int"


# ------------------------------------------------------ preprocessed text

def curl_source(sysinc):
    """Preprocessed text that came from the curl headers only."""
    out = run(cc_base(sysinc) + ["-E"], tu_text())
    keep, parts = False, []
    curldir = os.path.join(sysinc, "curl") + "/"
    for line in out.splitlines():
        m = re.match(r'# \d+ "([^"]*)"', line)
        if m:
            path = m.group(1)
            keep = path.startswith(curldir) or "/curl/" in path and \
                os.path.realpath(path).startswith(os.path.realpath(curldir))
            continue
        if keep:
            parts.append(line)
    text = "\n".join(parts)
    return text


def strip_attributes(s):
    """Remove __attribute__((...)) groups."""
    while True:
        i = s.find("__attribute__")
        if i < 0:
            return s
        j = s.index("(", i)
        depth, k = 0, j
        while True:
            if s[k] == "(":
                depth += 1
            elif s[k] == ")":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        s = s[:i] + " " + s[k + 1:]


def split_top(s, sep):
    """Split s on sep at bracket depth 0."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def declarator_name(decl):
    """Name declared by a member/parameter declaration like 'char *(*f)(int)'."""
    m = re.search(r"\(\s*\*+\s*(\w+)\s*\)", decl)
    if m:
        return m.group(1)
    head = re.split(r"[\[:]", decl, maxsplit=1)[0]
    ids = IDENT.findall(head)
    return ids[-1] if ids else None


def body_of(decl):
    """(before, body, after) for the first {...} group of decl."""
    i = decl.index("{")
    depth = 0
    for k in range(i, len(decl)):
        if decl[k] == "{":
            depth += 1
        elif decl[k] == "}":
            depth -= 1
            if depth == 0:
                return decl[:i], decl[i + 1:k], decl[k + 1:]
    raise ValueError("unbalanced braces")


class Decls:
    def __init__(self):
        self.enum_members = []     # names
        self.structs = []          # (type text, [(member, decl, bitfield)])
        self.functions = []        # (name, declaration text)
        self.typedefs = []         # (name, declaration text)
        self.enum_typedefs = set() # typedef names of enum types


def struct_members(body):
    members = []
    for m in split_top(body, ";"):
        if not m:
            continue
        if "{" in m:  # nested struct/union member
            _, _, after = body_of(m)
            name = after.strip()
            members.append((name, None, False))
            continue
        m = strip_attributes(m)
        # 'int a, b' style lists: first part has the type.
        pieces = split_top(m, ",")
        base = pieces[0]
        first = declarator_name(base)
        btype = base[:base.rfind(first)] if first else ""
        btype = re.sub(r"[\s*]*$", "", btype) if len(pieces) > 1 else btype
        for idx, p in enumerate(pieces):
            decl = p if idx == 0 else btype + " " + p
            name = declarator_name(decl)
            members.append((name, decl, ":" in decl))
    return members


def parse_decls(text):
    d = Decls()
    text = re.sub(r"\s+", " ", text)
    for stmt in split_top(text, ";"):
        stmt = stmt.strip()
        if not stmt or stmt.startswith("extern \"C\""):
            continue
        clean = strip_attributes(stmt).strip()
        if "{" in clean:
            before, body, after = body_of(clean)
            kind = re.search(r"\b(enum|struct|union)\b\s*(\w+)?\s*$", before)
            if not kind:
                continue
            if before.lstrip().startswith("typedef") and after.strip() and \
               not after.strip().startswith("_curl"):
                d.typedefs.append((after.strip(), None))
                if kind.group(1) == "enum":
                    d.enum_typedefs.add(after.strip())
            if kind.group(1) == "enum":
                for member in split_top(body, ","):
                    if member:
                        d.enum_members.append(IDENT.match(member).group(0))
            else:
                tag = kind.group(2)
                typedef_name = after.strip() if before.lstrip().startswith(
                    "typedef") else ""
                tname = ("%s %s" % (kind.group(1), tag)) if tag else \
                    typedef_name
                if tname:
                    d.structs.append((tname, struct_members(body)))
            continue
        if clean.startswith("typedef"):
            name = declarator_name(clean[len("typedef"):].split("(", 1)[0]
                                   if "(*" not in clean.replace(" ", "")
                                   else clean)
            if not name.startswith("_curl"):  # typecheck-gcc.h internals
                d.typedefs.append((name, stmt))
            continue
        m = re.match(r"(.*?)\b(curl_\w+)\s*\(", clean)
        if m:
            d.functions.append((m.group(2), stmt))
    return d


# ---------------------------------------------------------------- output

def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_table(sysinc, out):
    objs, fmacros = collect_macros(sysinc)
    exp = expand_macros(sysinc, sorted(objs))
    d = parse_decls(curl_source(sysinc))
    opaque = {n for n, st in d.typedefs if st and re.fullmatch(
        r"typedef (struct|union) \w+ \w+", st.strip())}
    complete = {t for t, _ in d.structs}
    items = []  # (key, C statement)
    for name in sorted(objs):
        kind = classify(name, exp.get(name, objs[name]))
        if kind == "defined":
            st = 'puts("%s defined");' % name
        elif kind == "string" and name == "LIBCURL_COPYRIGHT":
            # A named, allowed difference: mcurl's own copyright line. Only its presence
            # as a string is compared.
            st = ('{ const char *c_ = %s; (void)c_; puts("%s str (present)"); }'
                  % (name, name))
        elif kind == "string":
            st = 'printf("%%s str \\"%%s\\"\\n", "%s", %s);' % (name, name)
        elif kind == "type":
            st = ('printf("%%s type size=%%d signed=%%d\\n", "%s", '
                  '(int)sizeof(%s), (int)((%s)-1 < (%s)0));'
                  % (name, name, name, name))
        elif kind == "tokens":
            st = 'printf("%%s tokens %%s\\n", "%s", MCURL_XSTR(%s));' % (
                name, name)
        else:
            st = ('printf("%%s %%lld size=%%d signed=%%d\\n", "%s", '
                  '(long long)(%s), (int)sizeof(%s), '
                  '(int)((%s)*0 - 1 < 0));' % (name, name, name, name))
        items.append(("macro " + name, st))
    for name in fmacros:
        items.append(("fmacro " + name,
                      '#ifdef %s\nputs("%s fmacro");\n#else\n'
                      'puts("%s MISSING");\n#endif' % (name, name, name)))
    for name in d.enum_members:
        items.append(("enum " + name,
                      'printf("%%s %%lld\\n", "%s", (long long)%s);'
                      % (name, name)))
    for name, st in d.typedefs:
        if name in opaque and re.sub(r"^typedef (\w+ \w+) \w+$", r"\1",
                                     st.strip()) not in complete:
            continue  # typedef of an incomplete struct: no size
        items.append(("typedef " + name,
                      'printf("%%s type size=%%d\\n", "%s", (int)sizeof(%s));'
                      % (name, name)))
        if name in d.enum_typedefs:
            items.append(("enumsign " + name,
                          'printf("%%s signed=%%d\\n", "%s", '
                          '(int)((%s)-1 < (%s)0));' % (name, name, name)))
    for tname, members in d.structs:
        items.append(("struct " + tname,
                      'printf("sizeof(%s) %%d\\n", (int)sizeof(%s));'
                      % (tname, tname)))
        for mname, _, bitfield in members:
            if bitfield or not mname:
                continue
            items.append(("member %s.%s" % (tname, mname),
                          'printf("offsetof(%s, %s) %%d\\n", '
                          '(int)offsetof(%s, %s));'
                          % (tname, mname, tname, mname)))
            items.append(("msize %s.%s" % (tname, mname),
                          'printf("sizeof(%s.%s) %%d\\n", '
                          '(int)sizeof(((%s *)0)->%s));'
                          % (tname, mname, tname, mname)))
    # Type-valued #defines used wrongly as expressions would fail to
    # compile: drop into the 'tokens' form for any statement that fails.
    body = items
    for _attempt in range(4):
        src = table_source(body)
        bad = failing_lines(src, sysinc)
        if not bad:
            break
        fixed = []
        line_of = item_lines(body)
        for (key, st), (lo, hi) in zip(body, line_of):
            if any(lo <= b <= hi for b in bad) and key.startswith("macro "):
                name = key.split()[1]
                st = 'printf("%%s tokens %%s\\n", "%s", MCURL_XSTR(%s));' % (
                    name, name)
            elif any(lo <= b <= hi for b in bad):
                sys.stderr.write("cannot express item %s\n" % key)
                st = 'puts("%s unavailable");' % key
            fixed.append((key, st))
        body = fixed
    with open(out, "w") as f:
        f.write(table_source(body))
    sys.stderr.write("gen_header_table: %d items\n" % len(body))


PROLOGUE = """/* generated by gen_header_table.py: do not edit */
#include <stddef.h>
#include <stdio.h>
#include <curl/curl.h>
#include <curl/mprintf.h>
#define MCURL_STR(x) #x
#define MCURL_XSTR(x) MCURL_STR(x)
int main(void)
{
"""


def table_source(items):
    return PROLOGUE + "".join(st + "\n" for _, st in items) + \
        "return 0;\n}\n"


def item_lines(items):
    line = PROLOGUE.count("\n") + 1
    spans = []
    for _, st in items:
        n = st.count("\n") + 1
        spans.append((line, line + n - 1))
        line += n
    return spans


def failing_lines(src, sysinc):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        with open(path, "w") as f:
            f.write(src)
        r = subprocess.run([CC, "-std=gnu11", "-w", "-fsyntax-only", "-I",
                            sysinc, path], capture_output=True, text=True)
        if r.returncode == 0:
            return set()
        return {int(n) for n in
                re.findall(r"t\.c:(\d+):\d+: error", r.stderr)}


def gen_protos(sysinc, out):
    d = parse_decls(curl_source(sysinc))
    lines = ["/* generated by gen_header_table.py: do not edit */",
             "#include <stddef.h>",
             "#include <stdio.h>",
             "#include <stdarg.h>",
             "#include <curl/curl.h>",
             "#include <curl/mprintf.h>",
             "", "/* functions, with the reference prototypes */"]
    for name, stmt in d.functions:
        # (name) keeps function-like macros of the same name from expanding
        stmt = re.sub(r"\b%s\s*\(" % name, "(%s)(" % name, stmt, count=1)
        lines.append(stmt + ";")
    lines.append("")
    lines.append("/* typedefs (C11 allows an identical redefinition) */")
    for name, stmt in d.typedefs:
        if stmt is not None:
            lines.append(stmt + ";")
    lines.append("")
    lines.append("/* struct members, by the type of a pointer to each */")
    n = 0
    for tname, members in d.structs:
        for mname, decl, bitfield in members:
            if bitfield or not mname or decl is None:
                continue
            n += 1
            ptr_decl = re.sub(r"\b%s\b" % re.escape(mname),
                              "(*mcurl_q)", decl, count=1)
            lines.append("void mcurl_member_%d(%s *mcurl_p); "
                         "void mcurl_member_%d(%s *mcurl_p) "
                         "{ %s = &mcurl_p->%s; (void)mcurl_q; }"
                         % (n, tname, n, tname, ptr_decl, mname))
    lines.append("")
    lines.append("int mcurl_proto_check_unit;")
    missing = check_symbol_list(d)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    sys.stderr.write("gen_header_table: %d functions, %d typedefs, "
                     "%d struct members\n"
                     % (len(d.functions), len(d.typedefs), n))
    if missing:
        sys.stderr.write("symbols without a reference prototype: %s\n"
                         % " ".join(missing))
        sys.exit(1)


def adapt(inc, src_path, out):
    """Neutralise the lines of a table program that fail against inc, so
    that a missing name shows up in the diff instead of stopping the run."""
    lines = open(src_path).read().split("\n")
    for _attempt in range(6):
        bad = failing_lines("\n".join(lines), inc)
        if not bad:
            break
        for n in sorted(bad):
            label = "line %d" % n
            for lit in re.findall(r'"((?:[^"\\]|\\.)*)"', lines[n - 1]):
                head = lit.split("%")[0].strip()
                if head:
                    label = head
                    break
            lines[n - 1] = "puts(%s);" % c_str(label + " DOES-NOT-COMPILE")
    else:
        sys.stderr.write("adapt: still failing after several passes\n")
        sys.exit(1)
    with open(out, "w") as f:
        f.write("\n".join(lines))


def check_symbol_list(d):
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [os.environ.get("MCURL_SYMBOLS", ""),
             os.path.join(here, "libcurl-7.88.1-symbols.txt"),
             os.path.join(here, "../../../shared/abi/libcurl-7.88.1-symbols.txt"),
             "/work/shared/abi/libcurl-7.88.1-symbols.txt"]
    for c in cands:
        if c and os.path.exists(c):
            names = [l.strip() for l in open(c) if l.strip()]
            have = {n for n, _ in d.functions}
            return [n for n in names if n not in have]
    return []


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__ or "usage: gen_header_table.py "
                         "table|protos|list SYSINC [OUT.c]\n")
        sys.exit(2)
    mode, sysinc = sys.argv[1], sys.argv[2]
    if mode == "table":
        gen_table(sysinc, sys.argv[3])
    elif mode == "protos":
        gen_protos(sysinc, sys.argv[3])
    elif mode == "adapt":
        adapt(sysinc, sys.argv[3], sys.argv[4])
    elif mode == "list":
        objs, fm = collect_macros(sysinc)
        d = parse_decls(curl_source(sysinc))
        print("macros %d, function-like %d, enum members %d, structs %d, "
              "functions %d, typedefs %d" % (len(objs), len(fm),
                                             len(d.enum_members),
                                             len(d.structs),
                                             len(d.functions),
                                             len(d.typedefs)))
        for t, ms in d.structs:
            print(t, [m for m, _, _ in ms])
        for n, _ in d.typedefs:
            print("typedef", n)
    else:
        sys.stderr.write("unknown mode %s\n" % mode)
        sys.exit(2)


if __name__ == "__main__":
    main()
