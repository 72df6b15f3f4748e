#pragma once
// Just enough of a URL to judge an index or a source: its scheme, whether it
// carries credentials (`https://user:token@host/...`), and its host.  Offsets
// are into the text given, so that findings can point at (and reports can
// mask) exactly the credentials.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pysec {

struct UrlParts {
    std::string scheme;              // lower case: "https", "http", "git+https", "file"
    std::size_t userinfo_begin = 0;  // the userinfo, without the `@`
    std::size_t userinfo_end = 0;    // == userinfo_begin when there is none
    std::string host;                // lower case, without port or brackets
    std::size_t host_begin = 0;

    bool has_userinfo() const { return userinfo_end > userinfo_begin || userinfo_at; }
    bool userinfo_at = false;  // an `@` ends the userinfo (even an empty one)
};

// `scheme://[userinfo@]host[:port][/path...]`; nullopt for anything else
// (paths, `git@host:repo` scp-style addresses, bare host names).
std::optional<UrlParts> parse_url(std::string_view text);

// The userinfo is a secret worth hiding: `user:password` with a password
// that is not only variable references (`${TOKEN}`, `$TOKEN`, `${{ secrets.X }}`,
// which pip, uv or the runner expand), or a bare user that looks like a token
// (GitHub, GitLab or PyPI token prefixes, or 20+ characters of token alphabet).
bool has_credentials(std::string_view text, const UrlParts& url);

// The URL with its userinfo replaced by `****`.
std::string redact_credentials(std::string_view text, const UrlParts& url);

// The text with the user-info of its URL replaced by `****` when it may hold
// a secret (a password, or a user that looks like a token); other text as is.
std::string without_credentials(std::string_view text);

// Every `scheme://...` in free text (a requirement file, a config, an
// environment value) whose user-info is a secret, with offsets into `text`.
struct UrlInText {
    std::size_t begin = 0;
    std::size_t end = 0;
    UrlParts parts;  // offsets relative to `begin`
};
std::vector<UrlInText> find_urls_with_credentials(std::string_view text);

// `text` with each secret user-info overwritten by as many `*`, so that
// columns stay where they were (for quoting source lines in reports).
std::string mask_url_credentials(std::string_view text);

// localhost, 127.0.0.0/8, ::1: plain HTTP to the machine itself crosses no network.
bool is_loopback_host(std::string_view host);

}  // namespace pysec
