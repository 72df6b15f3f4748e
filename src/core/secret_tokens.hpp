#pragma once
// Credentials with a recognisable format (PyPI and GitHub tokens, AWS access
// key ids, private key blocks), found in any text so that a rule can report
// them and every output can hide them.
//
// Placeholders are not secrets: a token whose random part holds `EXAMPLE`,
// a run of five identical characters (`xxxxx`, `00000`), an ascending run of
// six (`123456`, `abcdef`) or too few distinct characters is skipped, as are
// private key blocks with fewer than 40 base64 characters between BEGIN and END.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pysec {

enum class SecretKind { PypiToken, GithubToken, GithubFineGrainedToken, AwsAccessKeyId, PrivateKey };

struct SecretToken {
    SecretKind kind;
    std::size_t begin = 0;  // byte offsets into the searched text; end exclusive
    std::size_t end = 0;
    std::size_t visible = 0;  // how many leading bytes may be shown (`pypi-`, `ghp_`, `AKIA`, the BEGIN line)
};

// Every token in `text`, in order, not overlapping.
std::vector<SecretToken> find_secret_tokens(std::string_view text);

// "PyPI API token", "GitHub token", ...
std::string_view describe(SecretKind kind);

// The token as it may be printed: its visible prefix and `****` (`pypi-****`).
std::string redacted_token(std::string_view text, const SecretToken& token);

// `text` with every token replaced by its redacted form.
std::string redact_secret_tokens(std::string_view text);

// `text` with the hidden characters of every token replaced by `*`, one for
// one (line breaks kept), so that columns in a quoted source line still match.
std::string mask_secret_tokens(std::string_view text);

}  // namespace pysec
