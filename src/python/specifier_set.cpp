#include "python/specifier_set.hpp"

#include <algorithm>
#include <set>

#include "python/python_text.hpp"

namespace pysec::python {

namespace {

// Sorted by text, then without the ones equal to an earlier one ("==1.0" and
// "==1.0.0" are one specifier), as packaging canonicalizes a set.
std::vector<Specifier> canonical_order(std::vector<Specifier> specifiers) {
    std::stable_sort(specifiers.begin(), specifiers.end(),
                     [](const Specifier& a, const Specifier& b) { return a.to_string() < b.to_string(); });
    std::vector<Specifier> unique;
    std::set<std::string> seen;  // the canonical forms, which decide equality
    for (Specifier& specifier : specifiers) {
        if (seen.insert(specifier.canonical_form()).second) unique.push_back(std::move(specifier));
    }
    return unique;
}

}  // namespace

ParseResult<SpecifierSet> SpecifierSet::parse(std::string_view text) {
    std::vector<Specifier> specifiers;
    while (true) {
        std::size_t comma = text.find(',');
        std::string_view item = strip_python_whitespace(text.substr(0, comma));
        if (!item.empty()) {
            auto specifier = Specifier::parse(item);
            if (!specifier) return specifier.error();
            specifiers.push_back(std::move(specifier).value());
        }
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return SpecifierSet(std::move(specifiers));
}

bool SpecifierSet::contains(const Version& version, bool prereleases) const {
    if (!prereleases && version.is_prerelease()) return false;
    return std::all_of(specifiers_.begin(), specifiers_.end(),
                       [&](const Specifier& specifier) { return specifier.contains(version); });
}

bool SpecifierSet::contains(std::string_view version, bool prereleases) const {
    auto parsed = Version::parse(version);
    if (!prereleases && parsed && parsed->is_prerelease()) return false;
    return std::all_of(specifiers_.begin(), specifiers_.end(),
                       [&](const Specifier& specifier) { return specifier.contains(version); });
}

std::string SpecifierSet::to_string() const {
    std::string text;
    for (const Specifier& specifier : canonical_order(specifiers_)) {
        if (!text.empty()) text += ',';
        text += specifier.to_string();
    }
    return text;
}

bool operator==(const SpecifierSet& a, const SpecifierSet& b) {
    std::vector<Specifier> x = canonical_order(a.specifiers_);
    std::vector<Specifier> y = canonical_order(b.specifiers_);
    return x == y;
}

}  // namespace pysec::python
