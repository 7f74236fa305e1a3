#!/usr/bin/env python3
"""Reference implementation of match-token scheme v1; writes docs/token-vectors.json.

It uses only Python's hashlib and hmac modules, apart from the C# code, so that the vectors
check the C# implementation instead of repeating it. It starts from canonical fields: the
normalisation rules live in the C# normaliser, and the test that reads the JSON file checks that
the normaliser turns each "input" into these "fields".

Usage: python3 docs/token-vectors.py > docs/token-vectors.json
"""

import hashlib
import hmac
import json
import struct

SCHEME_VERSION = 1
SALT = b"gso-hit-service:match-token-salt"
CHECK_VALUE_INFO = b"gso-hit-service:matching-key-check"

# A fixed test key (bytes 00..1f). It is public, so tokens under it protect nothing.
TEST_KEY = bytes(range(32))
TEST_EPOCH = "test-vectors"

TYPE_NAMES = {
    1: "bsn",
    2: "rsin",
    3: "kvk",
    4: "vestigingsnummer",
    5: "bag-id",
    6: "adres",
    7: "kenteken",
    8: "iban",
    9: "naam-geboortedatum",
}

# (type, input as given to `gso token`, canonical fields). All values are fictitious or
# published examples: 999990019 is a BSN from the RvIG test range, NL91ABNA0417164300 is the
# usual example IBAN.
VECTORS = [
    (1, "999990019", ["999990019"]),
    (1, "9999.90.019", ["999990019"]),
    (2, "999990019", ["999990019"]),
    (3, "12345678", ["12345678"]),
    (4, "000012345678", ["000012345678"]),
    (5, "0363200000123456", ["0363200000123456"]),
    (6, "1234 ab;12;a;2", ["1234AB", "12", "A", "2"]),
    (6, "1234AB;12", ["1234AB", "12", "", ""]),
    (7, "GB-12-XL", ["GB12XL"]),
    (8, "NL91 ABNA 0417 1643 00", ["NL91ABNA0417164300"]),
    (9, "van der Meer;19780300", ["van der", "MEER", "19780300"]),
    (9, "IJzerman;19600000", ["", "IJZERMAN", "19600000"]),
    (9, "M\u00fcller-\u015eahin;19850307", ["", "MULLER-SAHIN", "19850307"]),
    # 63 bytes encoded: longer than the 55 bytes that fit one SHA-256 block after the key block.
    (9, "van den Oldenbarnevelt-Tjeenk Willink-Wolterbeek;19500101",
     ["van den", "OLDENBARNEVELT-TJEENK WILLINK-WOLTERBEEK", "19500101"]),
]


def hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """RFC 5869: extract, then expand."""
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    okm, block, counter = b"", b"", 1
    while len(okm) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        okm += block
        counter += 1
    return okm[:length]


def type_info(identifier_type: int) -> bytes:
    return f"gso-hit-service:match-token:v{SCHEME_VERSION}:type:{identifier_type}".encode("ascii")


def canonical_encoding(identifier_type: int, fields: list[str]) -> bytes:
    """Version byte, type byte, then per field a 16-bit big-endian length and the UTF-8 bytes."""
    encoded = bytes([SCHEME_VERSION, identifier_type])
    for field in fields:
        data = field.encode("utf-8")
        encoded += struct.pack(">H", len(data)) + data
    return encoded


def main() -> None:
    type_keys = {t: hkdf_sha256(TEST_KEY, SALT, type_info(t), 32) for t in TYPE_NAMES}
    document = {
        "about": "Test vectors of GSO Hit Service match-token scheme v1, made by docs/token-vectors.py. "
                 "See docs/token-scheme.md. All byte strings are lower-case hex.",
        "scheme": SCHEME_VERSION,
        "key": {"epoch": TEST_EPOCH, "hex": TEST_KEY.hex(),
                "check": hkdf_sha256(TEST_KEY, SALT, CHECK_VALUE_INFO, 8).hex()},
        "hkdf": {"salt": SALT.decode("ascii"), "checkValueInfo": CHECK_VALUE_INFO.decode("ascii")},
        "typeKeys": [
            {"type": t, "name": TYPE_NAMES[t], "info": type_info(t).decode("ascii"), "hex": type_keys[t].hex()}
            for t in TYPE_NAMES
        ],
        "vectors": [],
    }
    for identifier_type, value, fields in VECTORS:
        encoding = canonical_encoding(identifier_type, fields)
        token = hmac.new(type_keys[identifier_type], encoding, hashlib.sha256).digest()
        document["vectors"].append({
            "type": identifier_type,
            "name": TYPE_NAMES[identifier_type],
            "input": value,
            "fields": fields,
            "encoding": encoding.hex(),
            "token": token.hex(),
        })
    print(json.dumps(document, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
