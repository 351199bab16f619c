#include "util/strings.h"

#include <doctest/doctest.h>

using namespace claimgraph::util;

TEST_CASE("sha256_hex") {
    // FIPS 180-4 test vectors, and one that spans two blocks.
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Every length around the block and padding boundaries, both implementations.
    std::string text;
    for (int n = 0; n < 300; ++n) {
        CAPTURE(n);
        CHECK(sha256_hex(text) == sha256_hex_portable(text));
        text.push_back(static_cast<char>('a' + n % 26 + (n % 7 == 0 ? 128 : 0)));
    }
    CHECK(sha256_hex_portable("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex_portable(std::string(1'000'000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
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
