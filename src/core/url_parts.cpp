#include "core/url_parts.hpp"

#include <array>
#include <cctype>

#include "core/text.hpp"

namespace pysec {
namespace {

bool is_scheme_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

// Only `${NAME}`, `$NAME` and `${{ ... }}` references (and nothing else).
bool only_variables(std::string_view text) {
    std::size_t at = 0;
    bool any = false;
    while (at < text.size()) {
        if (text.substr(at).starts_with("${{")) {
            auto close = text.find("}}", at);
            if (close == std::string_view::npos) return false;
            at = close + 2;
        } else if (text.substr(at).starts_with("${")) {
            auto close = text.find('}', at);
            if (close == std::string_view::npos) return false;
            at = close + 1;
        } else if (text[at] == '$') {
            std::size_t start = ++at;
            while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_')) ++at;
            if (at == start) return false;
        } else if (text[at] == ' ') {
            ++at;
            continue;
        } else {
            return false;
        }
        any = true;
    }
    return any;
}

bool looks_like_token(std::string_view user) {
    constexpr std::array prefixes = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "pypi-"};
    for (std::string_view prefix : prefixes) {
        if (user.starts_with(prefix)) return true;
    }
    if (user.size() < 20) return false;
    for (char c : user) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    }
    return true;
}

}  // namespace

std::optional<UrlParts> parse_url(std::string_view text) {
    auto separator = text.find("://");
    if (separator == std::string_view::npos || separator == 0) return std::nullopt;
    for (std::size_t i = 0; i < separator; ++i) {
        if (!is_scheme_char(text[i])) return std::nullopt;
    }
    UrlParts url;
    url.scheme = to_lower(text.substr(0, separator));
    std::size_t authority_begin = separator + 3;
    std::size_t authority_end = text.find_first_of("/?#", authority_begin);
    if (authority_end == std::string_view::npos) authority_end = text.size();
    std::string_view authority = text.substr(authority_begin, authority_end - authority_begin);
    auto at = authority.rfind('@');
    std::size_t host_begin = authority_begin;
    if (at != std::string_view::npos) {
        url.userinfo_begin = authority_begin;
        url.userinfo_end = authority_begin + at;
        url.userinfo_at = true;
        host_begin = authority_begin + at + 1;
    } else {
        url.userinfo_begin = url.userinfo_end = authority_begin;
    }
    std::string_view host = text.substr(host_begin, authority_end - host_begin);
    if (host.starts_with('[')) {
        auto close = host.find(']');
        host = close == std::string_view::npos ? host.substr(1) : host.substr(1, close - 1);
    } else if (auto colon = host.find(':'); colon != std::string_view::npos) {
        host = host.substr(0, colon);
    }
    url.host = to_lower(host);
    url.host_begin = host_begin;
    return url;
}

bool has_credentials(std::string_view text, const UrlParts& url) {
    if (url.userinfo_end <= url.userinfo_begin) return false;
    std::string_view userinfo = text.substr(url.userinfo_begin, url.userinfo_end - url.userinfo_begin);
    auto colon = userinfo.find(':');
    if (colon == std::string_view::npos) return !only_variables(userinfo) && looks_like_token(userinfo);
    std::string_view password = userinfo.substr(colon + 1);
    if (password.empty()) return false;
    return !only_variables(password);
}

std::string redact_credentials(std::string_view text, const UrlParts& url) {
    if (!url.userinfo_at) return std::string(text);
    return std::string(text.substr(0, url.userinfo_begin)) + "****" + std::string(text.substr(url.userinfo_end));
}

std::string without_credentials(std::string_view text) {
    auto url = parse_url(text);
    if (!url || url->userinfo_end <= url->userinfo_begin) return std::string(text);
    std::string_view userinfo = text.substr(url->userinfo_begin, url->userinfo_end - url->userinfo_begin);
    if (userinfo.find(':') == std::string_view::npos && !has_credentials(text, *url)) return std::string(text);
    return redact_credentials(text, *url);
}

namespace {

bool ends_url(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ';' || c == ',' ||
           c == '<' || c == '>' || c == ')' || c == ']' || c == '`';
}

}  // namespace

std::vector<UrlInText> find_urls_with_credentials(std::string_view text) {
    std::vector<UrlInText> found;
    std::size_t at = 0;
    while ((at = text.find("://", at)) != std::string_view::npos) {
        std::size_t begin = at;
        while (begin > 0 && is_scheme_char(text[begin - 1])) --begin;
        std::size_t end = at + 3;
        while (end < text.size() && !ends_url(text[end])) ++end;
        at += 3;
        if (begin == at - 3) continue;
        std::string_view candidate = text.substr(begin, end - begin);
        auto parts = parse_url(candidate);
        if (!parts || !has_credentials(candidate, *parts)) continue;
        found.push_back(UrlInText{begin, end, *parts});
    }
    return found;
}

std::string mask_url_credentials(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    std::size_t copied = 0;
    for (const UrlInText& url : find_urls_with_credentials(text)) {
        std::size_t begin = url.begin + url.parts.userinfo_begin;
        std::size_t end = url.begin + url.parts.userinfo_end;
        result.append(text.substr(copied, begin - copied));
        // One `*` per character (not per byte), so that columns do not move.
        for (std::size_t i = begin; i < end; ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) result += '*';
        }
        copied = end;
    }
    result.append(text.substr(copied));
    return result;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "::1" || host.ends_with(".localhost")) return true;
    if (!host.starts_with("127.")) return false;
    for (char c : host) {
        if (c != '.' && (c < '0' || c > '9')) return false;
    }
    return true;
}

}  // namespace pysec
