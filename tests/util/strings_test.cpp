#include "util/strings.h"

#include <doctest/doctest.h>

using namespace claimgraph::util;

namespace {
/// `abc...zabc...` of length n.
std::string alphabet(int n) {
    std::string text;
    for (int k = 0; k < n; ++k) text.push_back(static_cast<char>('a' + k % 26));
    return text;
}
}  // namespace

TEST_CASE("sha256_hex") {
    // FIPS 180-4 test vectors, and one that spans two blocks.
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Lengths around the block and padding boundaries (one or two padding blocks),
    // against digests from Python's hashlib.
    CHECK(sha256_hex(alphabet(55)) == "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005");
    CHECK(sha256_hex(alphabet(56)) == "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51");
    CHECK(sha256_hex(alphabet(57)) == "808f0738aa4401bdee842e5a15a7baad5809f976d8eb6f9bd2683cebd2e8d671");
    CHECK(sha256_hex(alphabet(63)) == "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c");
    CHECK(sha256_hex(alphabet(64)) == "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e");
    CHECK(sha256_hex(alphabet(65)) == "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d");
    CHECK(sha256_hex(alphabet(119)) == "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b");
    CHECK(sha256_hex(alphabet(120)) == "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8");
    CHECK(sha256_hex(alphabet(128)) == "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74");
}

TEST_CASE("is_valid_utf8") {
    struct Case {
        std::string text;
        bool valid;
    };
    const Case cases[] = {
        {"plain ASCII", true},
        {"Zürich, Ærø, 東京, 😀", true},
        {"\xC3", false},                  // truncated two-byte sequence
        {"\xC0\xAF", false},              // overlong '/'
        {"\xED\xA0\x80", false},          // UTF-16 surrogate
        {"\xF4\x90\x80\x80", false},      // past U+10FFFF
        {"\xFF\xFE binary", false},
        {std::string("nul\0inside", 10), true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(is_valid_utf8(c.text) == c.valid);
    }
}

TEST_CASE("edit_distance") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("Putin", "putin") == 0);
    CHECK(edit_distance("Putin", "Putn") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("trim, split, join, case") {
    CHECK(trim("  a b \n") == "a b");
    CHECK(trim("   ").empty());
    CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
    CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(to_lower_ascii("ÄBC") == "Äbc");
    CHECK(iequals("Kremlin", "kREMLIN"));
    CHECK_FALSE(iequals("Kremlin", "Kremlins"));
}

TEST_CASE("starts_upper") {
    struct Case {
        const char* text;
        bool upper;
    };
    const Case cases[] = {{"Berlin", true},       {"berlin", false},    {"\xc5\x81ukasz", true},     {"\xc5\x82", false},
                          {"\xc3\x9c" "bung", true}, {"\xc3\xbc", false}, {"\xd0\x9c\xd0\xb8", true}, {"", false},
                          {"1990", false}};
    for (const auto& c : cases) {
        CHECK_MESSAGE(starts_upper(c.text) == c.upper, c.text);
    }
}
