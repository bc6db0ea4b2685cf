#!/usr/bin/env python3
# Writes the d_*.script files of the content-decoding conformance cases (the compressed
# bodies come from Python's zlib, escaped for the script format). Run from this directory.
import zlib, struct
def gz(b):
    c = zlib.compressobj(9, zlib.DEFLATED, 31); return c.compress(b)+c.flush()
def zl(b): return zlib.compress(b, 9)
def raw(b):
    c = zlib.compressobj(9, zlib.DEFLATED, -15); return c.compress(b)+c.flush()
def chunk(b, n=7):
    out=b""
    for i in range(0,len(b),n): out+=b"%x\r\n"%len(b[i:i+n])+b[i:i+n]+b"\r\n"
    return out+b"0\r\n\r\n"
def esc(b):
    out=[]
    for x in b:
        c=chr(x)
        if c=='\r': out.append('\\r')
        elif c=='\n': out.append('\\n')
        elif c=='\\': out.append('\\\\')
        elif c=='"': out.append('\\"')
        elif 32<=x<127: out.append(c)
        else: out.append('\\x%02x'%x)
    return '"'+''.join(out)+'"'
def resp(hdrs, body, cl=True):
    h=b"HTTP/1.1 200 OK\r\n"+b"".join(x+b"\r\n" for x in hdrs)
    if cl: h+=b"Content-Length: %d\r\n"%len(body)
    return h+b"\r\n"+body
text=b"".join(b"hello world %d, " % i for i in range(100))[:1300]
big=bytes(range(256))*4096
def gzhdr(b, flags):
    h = b"\x1f\x8b\x08"+bytes([flags])+b"\0\0\0\0\0\x03"
    if flags & 4: h += struct.pack("<H",5)+b"EXTRA"
    if flags & 8: h += b"name.txt\0"
    if flags & 16: h += b"comment\0"
    if flags & 2: h += struct.pack("<H", zlib.crc32(h) & 0xffff)
    return h + raw(b) + struct.pack("<II", zlib.crc32(b), len(b))
def script(name, comment, sections):
    with open(name,'w') as f:
        f.write("# "+comment+"\n")
        for i,(label,secs) in enumerate(sections):
            if i: f.write("--- connection\n")
            f.write("# %d: %s\n"%(i,label))
            for step in secs:
                if isinstance(step, bytes): f.write("send "+esc(step)+"\n")
                else: f.write(step+"\n")
def one(label, r, close=False):
    return (label, ["expect", r] + (["close"] if close else ["expect_close"]))
CE=lambda v: b"Content-Encoding: "+v
body_cases=[
 one("gzip", resp([CE(b"gzip")], gz(text))),
 one("x-gzip", resp([CE(b"x-gzip")], gz(text))),
 one("deflate, zlib framing", resp([CE(b"deflate")], zl(text))),
 one("deflate, raw", resp([CE(b"deflate")], raw(text))),
 one("stacked in one header", resp([CE(b"deflate, gzip")], gz(zl(text)))),
 one("stacked in two headers", resp([CE(b"deflate"), CE(b"gzip")], gz(zl(text)))),
 one("identity and none", resp([CE(b"identity, none")], text)),
 one("five gzip layers", resp([CE(b"gzip, gzip, gzip, gzip, gzip")], gz(gz(gz(gz(gz(text))))))),
 one("zlib framing labelled gzip", resp([CE(b"GZIP")], zl(text))),
 one("gzip header with every optional field", resp([CE(b"gzip")], gzhdr(text, 2|4|8|16))),
 one("empty body", resp([CE(b"gzip")], b"")),
 one("empty gzip stream", resp([CE(b"gzip")], gz(b""))),
 one("chunked gzip", resp([CE(b"gzip"), b"Transfer-Encoding: chunked"], chunk(gz(text)), cl=False)),
 one("close-delimited gzip", resp([CE(b"gzip"), b"Connection: close"], gz(text), cl=False), close=True),
 one("truncated gzip", resp([CE(b"gzip")], gz(text)[:-10])),
 one("1 MiB decoded", resp([CE(b"gzip")], gz(big))),
 one("gzip, no ACCEPT_ENCODING", resp([CE(b"gzip")], gz(text))),
 one("gzip, HTTP_CONTENT_DECODING 0", resp([CE(b"gzip")], gz(text))),
 one("unknown coding, no ACCEPT_ENCODING", resp([CE(b"foo")], text)),
 one("six codings, no ACCEPT_ENCODING", resp([CE(b"identity, identity, identity, identity, identity, identity")], text)),
]
script("d_decode_body.script", "Bodies with content codings for d_decode_body.c (generated: the gzip/deflate bytes come from Python's zlib).", body_cases)
good=gz(text)
badcrc=bytearray(good); badcrc[-8]^=0x55
err_cases=[
 one("six codings", resp([CE(b"identity, identity, identity, identity, identity, identity")], text)),
 one("six codings, HTTP_CONTENT_DECODING 0", resp([CE(b"gzip, gzip, gzip, gzip, gzip, gzip")], text)),
 one("unknown coding", resp([CE(b"foo")], text)),
 one("unknown transfer coding", resp([b"Transfer-Encoding: foo, chunked"], chunk(text), cl=False)),
 one("bad crc", resp([CE(b"gzip")], bytes(badcrc))),
 one("bad magic", resp([CE(b"gzip")], b"\x1f\x8c"+good[2:])),
 one("bad method", resp([CE(b"gzip")], b"\x1f\x8b\x07"+good[3:])),
 one("bad flags", resp([CE(b"gzip")], gzhdr(text, 0xe0))),
 one("raw deflate labelled gzip", resp([CE(b"gzip")], raw(text))),
 one("corrupt deflate", resp([CE(b"deflate")], b"\x78\x9c"+b"\xff"*30)),
 one("gzip labelled deflate", resp([CE(b"deflate")], good)),
 one("trailing garbage after gzip", resp([CE(b"gzip")], good+b"TRAILINGJUNK")),
 one("second gzip member", resp([CE(b"gzip")], good+gz(b"second"))),
 one("trailing byte after zlib", resp([CE(b"deflate")], zl(text)+b"J")),
 one("3 bytes after raw deflate", resp([CE(b"deflate")], raw(text)+b"JUN")),
 one("5 bytes after raw deflate", resp([CE(b"deflate")], raw(text)+b"JUNK5")),
 one("truncated gzip header", resp([CE(b"gzip")], good[:5])),
]
script("d_decode_errors.script", "Broken content codings for d_decode_errors.c (generated with Python's zlib).", err_cases)
te_cases=[
 one("TE gzip, chunked", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"+chunk(gz(text))),
 one("TE gzip, chunked (option off)", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"+chunk(gz(text))),
 one("TE gzip, close-delimited", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n"+gz(text), close=True),
 one("TE gzip with HTTP_TRANSFER_DECODING 0", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"+chunk(gz(text))),
 one("CE gzip chunked with HTTP_TRANSFER_DECODING 0", resp([CE(b"gzip"), b"Transfer-Encoding: chunked"], chunk(gz(text)), cl=False)),
 one("TE gzip with HTTP_CONTENT_DECODING 0", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"+chunk(gz(text))),
 one("TE gzip and CE gzip", b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"+chunk(gz(gz(text)))),
 one("custom Connection header", resp([], b"ok")),
 one("custom TE header", resp([], b"ok")),
]
script("d_transfer_encoding.script", "Transfer codings for d_transfer_encoding.c (generated with Python's zlib).", te_cases)
mx=[
 one("Content-Length above the limit", resp([CE(b"gzip")], gz(text))),
 one("compressed size fits, decoded does not", resp([CE(b"gzip")], gz(text))),
]
pause_cases=[
 one("gzip, pause at write 1", resp([CE(b"gzip")], gz(big))),
 one("gzip, pause at write 3", resp([CE(b"gzip")], gz(big))),
 one("chunked gzip, pause at write 1", resp([CE(b"gzip"), b"Transfer-Encoding: chunked"], chunk(gz(text)), cl=False)),
 one("deflate, pause at write 2", resp([CE(b"deflate")], zl(big))),
]
script("d_pause_decoded.script", "Compressed bodies paused in the middle for d_pause_decoded.c (generated with Python's zlib).", pause_cases)
script("d_maxfilesize.script", "MAXFILESIZE with compressed bodies for d_maxfilesize.c (generated with Python's zlib).", [
 one("Content-Length above the limit", resp([CE(b"gzip")], gz(text))),
 one("decoded size equals the limit", resp([CE(b"gzip")], gz(text))),
 one("chunked, decoded size below the limit", resp([CE(b"gzip"), b"Transfer-Encoding: chunked"], chunk(gz(text)), cl=False)),
])
w=gz(big)
head=b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n"%len(w)
with open("d_pause_event.script","w") as f:
    f.write("# A 1 MiB body gzip-compressed (4408 bytes), sent in three parts, for d_pause_event.c\n# (generated with Python's zlib).\nexpect\nsleep 30\n")
    f.write("send "+esc(head+w[:1500])+"\nsleep 150\n")
    f.write("send "+esc(w[1500:3000])+"\nsleep 150\n")
    f.write("send "+esc(w[3000:])+"\nexpect_close\n")
