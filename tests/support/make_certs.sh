#!/usr/bin/env bash
# Generates the TLS test certificates into DIR (created if missing):
#   make_certs.sh DIR
# Everything is EC (prime256v1) so that a full set takes well under a second. The keys
# differ on every call; the structure (names, subjects, serial numbers, extensions,
# which CA signed what) is fixed. File list: docs/internals/TEST_SERVERS.md.
set -euo pipefail
dir=${1:?usage: make_certs.sh DIR}
mkdir -p "$dir"
cd "$dir"

ossl() { openssl "$@" 2>>openssl.log; }
newkey() { ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$1"; }

# A CA: newca NAME "CN": NAME.key, NAME.pem (self-signed, 10 years), NAME.db/ (openssl ca
# state: index, serial, crlnumber).
newca() {
  local name=$1 cn=$2
  newkey "$name.key"
  ossl req -new -x509 -key "$name.key" -out "$name.pem" -days 3650 -sha256 \
    -subj "/O=mcurl tests/CN=$cn" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash"
  mkdir -p "$name.db"
  : >"$name.db/index.txt"
  echo "unique_subject = no" >"$name.db/index.txt.attr"
  echo 1000 >"$name.db/serial"
  echo 01 >"$name.db/crlnumber"
  cat >"$name.cnf" <<EOF
[ ca ]
default_ca = this_ca
[ this_ca ]
dir = $PWD/$name.db
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
new_certs_dir = \$dir
certificate = $PWD/$name.pem
private_key = $PWD/$name.key
default_md = sha256
default_crl_days = 3650
policy = any_policy
copy_extensions = none
email_in_dn = no
unique_subject = no
[ any_policy ]
organizationName = optional
commonName = supplied
[ server_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = \$ENV::MCURL_SAN
[ client_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = \$ENV::MCURL_SAN
EOF
}

# issue CA NAME "CN" SAN EXT [START END]: NAME.key and NAME.pem signed by CA.
issue() {
  local ca=$1 name=$2 cn=$3 san=$4 ext=$5 dates=()
  if [ $# -ge 7 ]; then dates=(-startdate "$6" -enddate "$7"); else dates=(-days 3650); fi
  newkey "$name.key"
  ossl req -new -key "$name.key" -out "$name.csr" -subj "/O=mcurl tests/CN=$cn"
  MCURL_SAN=$san ossl ca -batch -notext -config "$ca.cnf" -extensions "$ext" \
    "${dates[@]}" -in "$name.csr" -out "$name.pem"
  rm -f "$name.csr"
}

localhost_san="DNS:localhost,IP:127.0.0.1,IP:::1"
# The CA config reads the SAN from the environment; revoke and gencrl need it set too.
export MCURL_SAN=$localhost_san

# The trusted CA and the servers it signs.
newca ca "mcurl test CA"
issue ca server localhost "$localhost_san" server_ext
issue ca wronghost wrong.example "DNS:wrong.example" server_ext
issue ca expired localhost "$localhost_san" server_ext 20200101000000Z 20200201000000Z
issue ca revoked localhost "$localhost_san" server_ext
ossl ca -batch -config ca.cnf -revoke revoked.pem -crl_reason keyCompromise
ossl ca -batch -config ca.cnf -gencrl -out crl.pem

# A CA nobody trusts, and a server it signs.
newca ca2 "mcurl untrusted CA"
issue ca2 untrusted localhost "$localhost_san" server_ext

# Self-signed.
newkey selfsigned.key
ossl req -new -x509 -key selfsigned.key -out selfsigned.pem -days 3650 -sha256 \
  -subj "/O=mcurl tests/CN=localhost" -addext "subjectAltName=$localhost_san" \
  -addext "basicConstraints=critical,CA:FALSE"

# Client certificates: their own CA; the key in PEM, DER and encrypted PEM ("secret").
newca clientca "mcurl client CA"
issue clientca client "mcurl client" "DNS:client.example" client_ext
ossl x509 -in client.pem -outform DER -out client.der
ossl pkey -in client.key -outform DER -out client-key.der
ossl pkey -in client.key -aes256 -passout pass:secret -out client-enc.key
cat client.pem client.key >client-full.pem

# The server's public key (PEM, DER) and its pin; another key's, for a wrong pin.
ossl pkey -in server.key -pubout -out server-pub.pem
ossl pkey -in server.key -pubout -outform DER -out server-pub.der
printf 'sha256//%s\n' "$(openssl dgst -sha256 -binary server-pub.der | openssl base64 -A)" \
  >server.pin
ossl pkey -in wronghost.key -pubout -out other-pub.pem
ossl pkey -in wronghost.key -pubout -outform DER -out other-pub.der
printf 'sha256//%s\n' "$(openssl dgst -sha256 -binary other-pub.der | openssl base64 -A)" \
  >other.pin

# A hashed directory holding only the trusted CA (for CURLOPT_CAPATH).
mkdir -p capath
cp ca.pem capath/ca.pem
ossl rehash capath

rm -f openssl.log
echo "certificates in $PWD"
