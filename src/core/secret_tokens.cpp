#include "core/secret_tokens.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace pysec {
namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }
bool is_base64url(char c) { return is_alnum(c) || c == '_' || c == '-'; }
bool is_base64(char c) { return is_alnum(c) || c == '+' || c == '/' || c == '='; }
bool is_upper_or_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// A random part that a person typed rather than a token generator produced.
bool looks_like_placeholder(std::string_view body, std::size_t minimum_distinct) {
    if (lower(body).find("example") != std::string::npos) return true;
    std::size_t same = 1, ascending = 1;
    for (std::size_t i = 1; i < body.size(); ++i) {
        same = body[i] == body[i - 1] ? same + 1 : 1;
        ascending = body[i] == body[i - 1] + 1 ? ascending + 1 : 1;
        if (same >= 5 || ascending >= 6) return true;
    }
    std::array<bool, 256> seen{};
    std::size_t distinct = 0;
    for (char c : body) {
        auto& slot = seen[static_cast<unsigned char>(c)];
        if (!slot) ++distinct;
        slot = true;
    }
    return distinct < minimum_distinct;
}

std::size_t run_of(std::string_view text, std::size_t from, bool (*accepted)(char)) {
    std::size_t end = from;
    while (end < text.size() && accepted(text[end])) ++end;
    return end - from;
}

bool word_boundary_before(std::string_view text, std::size_t at) { return at == 0 || !is_word(text[at - 1]); }

// `ghp_` and the other classic GitHub prefixes: 36 (up to 251) alphanumerics.
std::optional<SecretToken> github_token(std::string_view text, std::size_t at) {
    std::size_t body = run_of(text, at + 4, is_alnum);
    std::size_t end = at + 4 + body;
    if (body < 36 || body > 251 || (end < text.size() && is_word(text[end]))) return std::nullopt;
    if (looks_like_placeholder(text.substr(at + 4, body), 12)) return std::nullopt;
    return SecretToken{SecretKind::GithubToken, at, end, 4};
}

// `github_pat_` + 22 alphanumerics + `_` + 59 alphanumerics.
std::optional<SecretToken> github_fine_grained_token(std::string_view text, std::size_t at) {
    constexpr std::size_t prefix = 11;
    std::size_t body = run_of(text, at + prefix, is_word);
    if (body < 70 || body > 244) return std::nullopt;
    if (looks_like_placeholder(text.substr(at + prefix, body), 12)) return std::nullopt;
    return SecretToken{SecretKind::GithubFineGrainedToken, at, at + prefix + body, prefix};
}

// `pypi-` + a base64url macaroon, which always starts with `AgE`.
std::optional<SecretToken> pypi_token(std::string_view text, std::size_t at) {
    constexpr std::size_t prefix = 5;
    if (text.substr(at + prefix, 3) != "AgE") return std::nullopt;
    std::size_t body = run_of(text, at + prefix, is_base64url);
    if (body < 60) return std::nullopt;
    if (looks_like_placeholder(text.substr(at + prefix, body), 12)) return std::nullopt;
    return SecretToken{SecretKind::PypiToken, at, at + prefix + body, prefix};
}

bool base64_neighbour(std::string_view text, std::size_t at) {
    if (at >= text.size()) return false;
    char c = text[at];
    return is_word(c) || c == '+' || c == '/';
}

// `AKIA`/`ASIA` + 16 upper-case letters and digits.
std::optional<SecretToken> aws_access_key_id(std::string_view text, std::size_t at) {
    if (at > 0 && base64_neighbour(text, at - 1)) return std::nullopt;
    std::size_t body = run_of(text, at + 4, is_upper_or_digit);
    if (body != 16 || base64_neighbour(text, at + 20)) return std::nullopt;
    if (looks_like_placeholder(text.substr(at + 4, body), 6)) return std::nullopt;
    return SecretToken{SecretKind::AwsAccessKeyId, at, at + 20, 4};
}

// `-----BEGIN ... PRIVATE KEY-----` (or `PRIVATE KEY BLOCK`) up to its END line.
std::optional<SecretToken> private_key(std::string_view text, std::size_t at) {
    constexpr std::string_view begin_marker = "-----BEGIN ";
    std::size_t header_end = text.find("-----", at + begin_marker.size());
    if (header_end == std::string_view::npos || header_end - at > 80) return std::nullopt;
    std::string_view label = text.substr(at + begin_marker.size(), header_end - at - begin_marker.size());
    if (label.find("PRIVATE KEY") == std::string_view::npos) return std::nullopt;
    header_end += 5;
    std::string end_marker = "-----END " + std::string(label) + "-----";
    std::size_t footer = text.find(end_marker, header_end);
    if (footer == std::string_view::npos || footer - header_end > 64 * 1024) return std::nullopt;
    std::string body;
    for (char c : text.substr(header_end, footer - header_end)) {
        if (is_base64(c)) body += c;
    }
    // `\n` escapes (a key inside a JSON string) leave an `n` per line: harmless.
    if (body.size() < 40 || looks_like_placeholder(body, 12)) return std::nullopt;
    return SecretToken{SecretKind::PrivateKey, at, footer + end_marker.size(), header_end - at};
}

struct Prefix {
    std::string_view text;
    std::optional<SecretToken> (*match)(std::string_view, std::size_t);
    bool needs_word_boundary;
};

constexpr std::array prefixes = {
    Prefix{"pypi-", pypi_token, true},
    Prefix{"ghp_", github_token, true},
    Prefix{"gho_", github_token, true},
    Prefix{"ghu_", github_token, true},
    Prefix{"ghs_", github_token, true},
    Prefix{"ghr_", github_token, true},
    Prefix{"github_pat_", github_fine_grained_token, true},
    Prefix{"AKIA", aws_access_key_id, false},
    Prefix{"ASIA", aws_access_key_id, false},
    Prefix{"-----BEGIN ", private_key, false},
};

}  // namespace

std::vector<SecretToken> find_secret_tokens(std::string_view text) {
    std::vector<SecretToken> found;
    for (const Prefix& prefix : prefixes) {
        for (std::size_t at = text.find(prefix.text); at != std::string_view::npos;
             at = text.find(prefix.text, at + 1)) {
            if (prefix.needs_word_boundary && !word_boundary_before(text, at)) continue;
            if (auto token = prefix.match(text, at)) found.push_back(*token);
        }
    }
    std::sort(found.begin(), found.end(), [](const SecretToken& a, const SecretToken& b) { return a.begin < b.begin; });
    std::vector<SecretToken> disjoint;
    for (const SecretToken& token : found) {
        if (disjoint.empty() || token.begin >= disjoint.back().end) disjoint.push_back(token);
    }
    return disjoint;
}

std::string_view describe(SecretKind kind) {
    switch (kind) {
        case SecretKind::PypiToken: return "PyPI API token";
        case SecretKind::GithubToken: return "GitHub token";
        case SecretKind::GithubFineGrainedToken: return "GitHub fine-grained personal access token";
        case SecretKind::AwsAccessKeyId: return "AWS access key id";
        case SecretKind::PrivateKey: return "private key";
    }
    return "secret";
}

std::string redacted_token(std::string_view text, const SecretToken& token) {
    return std::string(text.substr(token.begin, token.visible)) + "****";
}

std::string redact_secret_tokens(std::string_view text) {
    std::string out;
    std::size_t copied = 0;
    for (const SecretToken& token : find_secret_tokens(text)) {
        out += text.substr(copied, token.begin - copied);
        out += redacted_token(text, token);
        copied = token.end;
    }
    out += text.substr(copied);
    return out;
}

std::string mask_secret_tokens(std::string_view text) {
    std::string out(text);
    for (const SecretToken& token : find_secret_tokens(text)) {
        for (std::size_t i = token.begin + token.visible; i < token.end; ++i) {
            if (out[i] != '\n' && out[i] != '\r') out[i] = '*';
        }
    }
    return out;
}

}  // namespace pysec
