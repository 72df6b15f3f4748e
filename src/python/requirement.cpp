#include "python/requirement.hpp"

#include <algorithm>

#include "python/dependency_tokenizer.hpp"
#include "python/marker_parser.hpp"
#include "python/package_name.hpp"

namespace pysec::python {

namespace {

using Token = DependencyToken;

// The parts of a requirement as the grammar delivers them, before the specifier
// text is parsed into a SpecifierSet.
struct RawRequirement {
    std::string name;
    std::vector<std::string> extras;
    std::string specifier;
    std::optional<std::string> url;
    std::optional<MarkerExpression> marker;
};

// extras_list = IDENTIFIER (WS? "," WS? IDENTIFIER)*
std::vector<std::string> parse_extras_list(DependencyTokenizer& tokenizer) {
    std::vector<std::string> extras;
    if (!tokenizer.check(Token::identifier)) return extras;
    extras.emplace_back(tokenizer.read());
    while (true) {
        tokenizer.consume(Token::whitespace);
        if (tokenizer.peek(Token::identifier)) tokenizer.fail("Expected comma between extra names");
        if (!tokenizer.check(Token::comma)) break;
        tokenizer.read();
        tokenizer.consume(Token::whitespace);
        extras.emplace_back(tokenizer.expect(Token::identifier, "extra name after comma"));
    }
    return extras;
}

// extras = ("[" WS? extras_list? WS? "]")?
std::vector<std::string> parse_extras(DependencyTokenizer& tokenizer) {
    if (!tokenizer.check(Token::left_bracket)) return {};
    std::size_t open = tokenizer.position();
    tokenizer.read();
    tokenizer.consume(Token::whitespace);
    std::vector<std::string> extras = parse_extras_list(tokenizer);
    tokenizer.consume(Token::whitespace);
    if (!tokenizer.check(Token::right_bracket)) {
        tokenizer.fail("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open);
    }
    tokenizer.read();
    return extras;
}

// version_many = (SPECIFIER (WS? "," WS? SPECIFIER)*)?, returned as the
// specifiers and commas without the whitespace.
std::string parse_version_many(DependencyTokenizer& tokenizer) {
    std::string specifiers;
    while (tokenizer.check(Token::specifier)) {
        std::size_t start = tokenizer.position();
        std::string_view specifier = tokenizer.read();
        specifiers += specifier;
        if (tokenizer.peek(Token::version_prefix_trail)) {
            bool equality = specifier.starts_with("!=") ||
                            (specifier.starts_with("==") && !specifier.starts_with("==="));
            tokenizer.fail(equality ? ".* suffix cannot be used with pre-release, post-release, dev or local versions"
                                    : ".* suffix can only be used with `==` or `!=` operators",
                           start, tokenizer.position() + 1);
        }
        if (tokenizer.peek(Token::version_local_label_trail)) {
            tokenizer.fail("Local version label can only be used with `==` or `!=` operators", start);
        }
        tokenizer.consume(Token::whitespace);
        if (!tokenizer.check(Token::comma)) break;
        specifiers += tokenizer.read();
        tokenizer.consume(Token::whitespace);
    }
    return specifiers;
}

// specifier = "(" WS? version_many WS? ")" | WS? version_many WS?
std::string parse_specifier(DependencyTokenizer& tokenizer) {
    std::optional<std::size_t> open;
    if (tokenizer.check(Token::left_parenthesis)) {
        open = tokenizer.position();
        tokenizer.read();
    }
    tokenizer.consume(Token::whitespace);
    std::string specifiers = parse_version_many(tokenizer);
    tokenizer.consume(Token::whitespace);
    if (open) {
        if (!tokenizer.check(Token::right_parenthesis)) {
            tokenizer.fail("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
                           *open);
        }
        tokenizer.read();
    }
    return specifiers;
}

// requirement_marker = ";" marker WS?
MarkerExpression parse_requirement_marker(DependencyTokenizer& tokenizer, std::size_t span_start,
                                          std::string_view expected) {
    if (!tokenizer.check(Token::semicolon)) {
        tokenizer.fail("Expected " + std::string(expected) + " or end", span_start);
    }
    tokenizer.read();
    MarkerExpression marker = parse_marker_expression(tokenizer);
    tokenizer.consume(Token::whitespace);
    return marker;
}

// requirement_details = "@" WS? URL (WS requirement_marker?)?
//                     | specifier WS? requirement_marker?
void parse_requirement_details(DependencyTokenizer& tokenizer, RawRequirement& requirement) {
    if (tokenizer.check(Token::at)) {
        tokenizer.read();
        tokenizer.consume(Token::whitespace);
        std::size_t url_start = tokenizer.position();
        requirement.url = std::string(tokenizer.expect(Token::url, "URL after @"));
        if (tokenizer.peek(Token::end)) return;
        tokenizer.expect(Token::whitespace, "whitespace after URL");
        if (tokenizer.peek(Token::end)) return;
        requirement.marker = parse_requirement_marker(tokenizer, url_start, "semicolon (after URL and whitespace)");
        return;
    }
    std::size_t specifier_start = tokenizer.position();
    requirement.specifier = parse_specifier(tokenizer);
    tokenizer.consume(Token::whitespace);
    if (tokenizer.peek(Token::end)) return;
    requirement.marker = parse_requirement_marker(
        tokenizer, specifier_start,
        requirement.specifier.empty()
            ? "semicolon (after name with no version specifier)"
            : "comma (within version specifier), semicolon (after version specifier)");
}

// requirement = WS? IDENTIFIER WS? extras WS? requirement_details END
RawRequirement parse_raw_requirement(DependencyTokenizer& tokenizer) {
    RawRequirement requirement;
    tokenizer.consume(Token::whitespace);
    requirement.name = tokenizer.expect(Token::identifier, "package name at the start of dependency specifier");
    tokenizer.consume(Token::whitespace);
    requirement.extras = parse_extras(tokenizer);
    tokenizer.consume(Token::whitespace);
    parse_requirement_details(tokenizer, requirement);
    tokenizer.expect(Token::end, "end of dependency specifier");
    return requirement;
}

}  // namespace

ParseResult<Requirement> Requirement::parse(std::string_view text) {
    DependencyTokenizer tokenizer(text);
    RawRequirement raw;
    try {
        raw = parse_raw_requirement(tokenizer);
    } catch (TokenizerFailure& failure) {
        return std::move(failure.error);
    }
    // The grammar lets "===" take commas ("===x,y"); the set then splits them.
    auto specifier = SpecifierSet::parse(raw.specifier);
    if (!specifier) return specifier.error();

    Requirement requirement;
    requirement.name_ = std::move(raw.name);
    requirement.extras_ = std::move(raw.extras);
    std::sort(requirement.extras_.begin(), requirement.extras_.end());
    requirement.extras_.erase(std::unique(requirement.extras_.begin(), requirement.extras_.end()),
                              requirement.extras_.end());
    requirement.specifier_ = std::move(specifier).value();
    requirement.url_ = std::move(raw.url);
    if (raw.marker) requirement.marker_ = Marker(std::move(*raw.marker));
    return requirement;
}

std::string Requirement::canonical_name() const { return canonicalize_name(name_); }

std::string Requirement::to_string() const {
    std::string text = name_;
    if (!extras_.empty()) {
        text += '[';
        for (std::size_t i = 0; i < extras_.size(); ++i) {
            if (i > 0) text += ',';
            text += extras_[i];
        }
        text += ']';
    }
    text += specifier_.to_string();
    if (url_) {
        text += " @ " + *url_;
        if (marker_) text += ' ';
    }
    if (marker_) text += "; " + marker_->to_string();
    return text;
}

bool operator==(const Requirement& a, const Requirement& b) {
    return a.canonical_name() == b.canonical_name() && a.extras_ == b.extras_ && a.specifier_ == b.specifier_ &&
           a.url_ == b.url_ && a.marker_ == b.marker_;
}

}  // namespace pysec::python
