#include "rules/secrets/secret_names.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace pysec {
namespace {

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string> upper_words(std::string_view name) {
    std::vector<std::string> words(1);
    for (char c : name) {
        if (c == '_' || c == '-' || c == '.') {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        words.back() += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

}  // namespace

bool is_secret_looking_name(std::string_view name) {
    std::vector<std::string> words = upper_words(name);
    if (words.empty()) return false;
    if (words.size() == 1 && (words[0] == "PWD" || words[0] == "OLDPWD")) return false;
    for (const std::string& word : words) {
        if (one_of(word, {"PUBLIC", "PUBLISHABLE"})) return false;
    }
    if (one_of(words.back(), {"ID", "FILE", "PATH", "DIR", "NAME", "USER", "USERNAME", "URL", "HOST", "TYPE",
                              "LENGTH", "SIZE", "ENABLED", "ENABLE", "DISABLED", "REQUIRED", "HEADER", "PREFIX",
                              "ALGORITHM", "FORMAT", "EXPIRY", "EXPIRES", "TTL", "TIMEOUT", "LIFETIME", "COUNT",
                              "MIN", "MAX", "VERSION", "FIELD", "PARAM", "LOCATION", "ENV", "VAR"})) {
        return false;
    }
    for (const std::string& word : words) {
        if (one_of(word, {"SECRET", "SECRETS", "TOKEN", "TOKENS", "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD",
                          "KEY", "KEYS", "APIKEY", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY", "CREDENTIAL",
                          "CREDENTIALS", "AUTH"})) {
            return true;
        }
    }
    return false;
}

bool is_placeholder_value(std::string_view value) {
    value = trim(value);
    if (value.empty()) return true;
    if (value.front() == '$' || value.starts_with("%(") || value.front() == '<') return true;
    std::string lower = to_lower(value);
    for (std::string_view marker : {"changeme", "change_me", "change-me", "change me", "your_", "your-", "yourtoken",
                                    "placeholder", "example", "dummy", "replace", "xxxx", "****", "...", "todo",
                                    "fixme", "redacted", "secret_here", "token_here"}) {
        if (lower.find(marker) != std::string::npos) return true;
    }
    if (std::all_of(value.begin(), value.end(), [&](char c) { return c == value.front(); })) return true;
    return one_of(lower, {"dev", "development", "test", "testing", "secret", "password", "pass", "token", "key",
                          "true", "false", "none", "null", "nil", "foo", "bar", "local", "debug", "insecure",
                          "not-a-secret", "notasecret"});
}

}  // namespace pysec
