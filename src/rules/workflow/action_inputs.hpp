#pragma once
// Reading the `with:` inputs of an action step the way the action reads them:
// every input arrives as a string, so `"false"` and `false` mean the same, and
// `${{ false }}` is as literal as `false`.

#include <optional>
#include <string>
#include <string_view>

#include "model/uses.hpp"
#include "parse/document.hpp"

namespace pysec {

// True when the scalar contains a `${{ }}` expression.
bool has_template_expression(const Node* value);

// A boolean input as `core.getBooleanInput` reads it (true/True/TRUE,
// false/False/FALSE), also written as a constant expression (`${{ false }}`).
// Nullopt when absent, not a scalar, another word, or a non-constant expression.
std::optional<bool> boolean_input(const Node* value);

// The scalar's text with a constant expression folded (`${{ 'pip' }}` -> `pip`);
// nullopt when absent, not a scalar, or it depends on a context.
std::optional<std::string> constant_input(const Node* value);

// The context path when the text is exactly one expression that reads a
// context (`${{ github.sha }}` -> `github.sha`, lower-case); nullopt otherwise.
std::optional<std::string> sole_context(std::string_view text);

// One exact version of a tool: `0.8.3`, `v0.57.1`, `==0.8.3`, `1.2.3-rc1`
// (not `latest`, `*`, `0.5.x`, `>=1`, `^1.2`).
bool is_exact_version(std::string_view version);

// The version an action reference names: its ref (`@v6`, `@v6.1.0`,
// `@release/v1`) or, for a commit SHA, the version in the comment after it
// (`@<sha> # v6.1.0`), as Dependabot, Renovate and pinact write it.
struct ActionVersion {
    int major = 0;
    std::optional<int> minor;
    std::optional<int> patch;
};

std::optional<ActionVersion> parse_action_version(std::string_view text);
std::optional<ActionVersion> action_version(const Document& document, const Node& uses,
                                            const UsesReference& reference);

}  // namespace pysec
