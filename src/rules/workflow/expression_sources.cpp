#include "rules/workflow/expression_sources.hpp"

#include <optional>

#include "core/text.hpp"
#include "expr/context_trust.hpp"
#include "expr/data_flow.hpp"
#include "expr/template.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

// An env value set from another env value set from ...: deep enough for real
// workflows, and a stop for `A: ${{ env.B }}` / `B: ${{ env.A }}` loops.
constexpr int max_depth = 4;

bool equals_icase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && to_lower(a) == to_lower(b);
}

// `inputs.name.x` -> "name"; "" for the bare context or a star.
std::string_view segment_after(std::string_view path, std::string_view prefix) {
    if (!path.starts_with(prefix)) return {};
    std::string_view rest = path.substr(prefix.size());
    rest = rest.substr(0, rest.find('.'));
    return rest == "*" ? std::string_view{} : rest;
}

std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// `.github/actions/setup/action.yml` -> `.github/actions/setup`; "" at the root.
std::string_view directory_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

// `./.github/actions/setup/` -> `.github/actions/setup`; `./` -> "".
std::string_view local_action_directory(std::string_view uses) {
    if (uses.starts_with("./")) uses.remove_prefix(2);
    while (uses.ends_with("/")) uses.remove_suffix(1);
    return uses;
}

const Node* entry_icase(const Node* mapping, std::string_view name) {
    if (!mapping || !mapping->is_mapping()) return nullptr;
    for (const auto& entry : mapping->entries) {
        if (equals_icase(entry.key->value, name)) return entry.value;
    }
    return nullptr;
}

class Resolver {
public:
    explicit Resolver(const ExpressionScope& scope) : scope_(scope) {
        if (scope.action) {
            env_levels_ = {scope.step ? scope.step->env : nullptr};
        } else {
            env_levels_ = {scope.step ? scope.step->env : nullptr, scope.job ? scope.job->env : nullptr,
                           scope.workflow ? scope.workflow->env : nullptr};
        }
    }

    // `first_env_level`: where `env.*` lookups start (0 = the step's `env:`);
    // a value defined at one level only sees the levels above it.
    std::vector<ValueSource> sources(const expr::Expr& expression, std::string_view text, int depth,
                                     std::size_t first_env_level) const {
        std::vector<ValueSource> out;
        for (const expr::ContextUse& use : expr::contexts_reaching_value(expression)) {
            ValueSource source = classify(use.path, depth, first_env_level);
            source.context = std::string(text.substr(std::min(use.begin, text.size()),
                                                     std::min(use.end, text.size()) - std::min(use.begin, text.size())));
            source.begin = use.begin;
            source.end = use.end;
            out.push_back(std::move(source));
        }
        return out;
    }

private:
    ValueSource classify(const std::string& path, int depth, std::size_t first_env_level) const {
        // `toJSON(inputs)`: the table knows only `inputs.<name>`.
        if (path == "inputs") return classify_input("", depth);
        expr::ContextTrust trust = expr::classify_context(path);
        ValueSource source;
        source.why = std::string(trust.why);
        switch (trust.trust) {
            case expr::Trust::Attacker: source.risk = SourceRisk::Attacker; return source;
            case expr::Trust::Safe: source.risk = SourceRisk::Safe; return source;
            case expr::Trust::Unknown: source.risk = SourceRisk::Unknown; return source;
            case expr::Trust::Input:
                return classify_input(path.starts_with("inputs.") ? segment_after(path, "inputs.")
                                                                  : segment_after(path, "github.event.inputs."),
                                      depth);
            case expr::Trust::Env: return classify_env(segment_after(path, "env."), depth, first_env_level);
            case expr::Trust::Matrix: return classify_matrix(segment_after(path, "matrix."), depth);
        }
        return source;
    }

    const std::vector<InputDefinition>* inputs() const {
        if (scope_.action) return &scope_.action->inputs;
        if (scope_.workflow) return &scope_.workflow->inputs;
        return nullptr;
    }

    static ValueSource classify_input_definition(const InputDefinition& input) {
        ValueSource source;
        source.definition = input.key;
        std::string type = to_lower(input.type);
        if (type.empty() || type == "string") {
            source.risk = SourceRisk::Attacker;
            source.why = "a free-text input, set by whoever runs or calls it";
            source.definition_note = type.empty() ? "the input, declared without a type (free text)"
                                                  : "the input, declared as `type: string`";
        } else if (type == "boolean" || type == "number" || type == "choice") {
            source.risk = SourceRisk::Safe;
            source.why = "a " + type + " input";
        } else if (type == "environment") {
            source.risk = SourceRisk::Low;
            source.why = "an environment name input";
            source.definition_note = "the input, declared as `type: environment`";
        } else {
            source.risk = SourceRisk::Unknown;
            source.why = "an input of type `" + input.type + "`";
            source.definition_note = "the input";
        }
        return source;
    }

    ValueSource classify_input(std::string_view name, int depth) const {
        ValueSource unknown;
        unknown.risk = SourceRisk::Unknown;
        unknown.why = "an input that is not declared here";
        const std::vector<InputDefinition>* all = inputs();
        if (!all) return unknown;
        if (name.empty()) {
            // `toJSON(inputs)`: as bad as the worst input.
            ValueSource worst;
            worst.risk = SourceRisk::Safe;
            worst.why = "the inputs";
            for (const InputDefinition& input : *all) {
                ValueSource source = classify_input_definition(input);
                if (source.risk > worst.risk) worst = std::move(source);
            }
            return worst;
        }
        for (const InputDefinition& input : *all) {
            if (!equals_icase(input.name, name)) continue;
            ValueSource source = classify_input_definition(input);
            if (source.risk == SourceRisk::Attacker) {
                if (auto passed = classify_by_callers(input, depth)) return std::move(*passed);
            }
            return source;
        }
        return unknown;
    }

    // An input of an action inside the repository is as risky as what the
    // repository's workflows pass it, when they are its only users.  The root
    // `action.yml` is published for others, and an action nothing here uses
    // may be too: their inputs stay free text.
    std::optional<ValueSource> classify_by_callers(const InputDefinition& input, int depth) const {
        if (!scope_.action || !scope_.project || depth >= max_depth) return std::nullopt;
        std::string_view directory = directory_of(scope_.action->document->path());
        if (directory.empty()) return std::nullopt;
        const Node* declared = entry_icase(scope_.action->root->get("inputs"), input.name);
        const Node* default_value = entry_icase(declared, "default");
        bool called = false;
        ValueSource worst;
        worst.risk = SourceRisk::Safe;
        for_each_step(*scope_.project, [&](const StepSite& site) {
            const WorkflowStep& step = site.step;
            if (!step.uses || !step.uses->is_scalar() || !step.uses_reference ||
                step.uses_reference->kind != UsesReference::Kind::Local ||
                local_action_directory(step.uses->value) != directory) {
                return;
            }
            called = true;
            const Node* value = entry_icase(step.with, input.name);
            if (!value) value = default_value;
            if (!value) return;  // not passed and no default: empty
            ValueSource candidate;
            candidate.definition = value;
            candidate.definition_document = &site.document;
            candidate.definition_note = "what a caller passes for `" + input.name + "`";
            Resolver caller(ExpressionScope{site.workflow, site.job, site.action, &step, scope_.project});
            candidate = caller.classify_value(*value, depth + 1, 0, std::move(candidate));
            if (candidate.risk > worst.risk) worst = std::move(candidate);
        });
        if (!called) return std::nullopt;
        if (worst.risk == SourceRisk::Safe) worst.why = "every caller in the repository passes a fixed value";
        return worst;
    }

    ValueSource classify_env(std::string_view name, int depth, std::size_t first_level) const {
        ValueSource source;
        source.risk = SourceRisk::Unknown;
        if (name.empty()) {
            source.why = "the whole env context";
            return source;
        }
        for (std::size_t level = first_level; level < env_levels_.size(); ++level) {
            const Node* env = env_levels_[level];
            if (!env || !env->is_mapping()) continue;
            for (const auto& entry : env->entries) {
                if (!equals_icase(entry.key->value, name)) continue;
                source.definition = entry.key;
                source.definition_note = quoted(entry.key->value) + " is set here";
                return classify_value(*entry.value, depth, level + 1, std::move(source));
            }
        }
        source.why = "not set in an `env:` that pysec can see (it may come from `$GITHUB_ENV`)";
        return source;
    }

    ValueSource classify_matrix(std::string_view key, int depth) const {
        ValueSource source;
        source.risk = SourceRisk::Unknown;
        const WorkflowJob* job = scope_.job;
        if (!job || !job->matrix.node) {
            source.why = "a matrix value pysec cannot see";
            return source;
        }
        const Matrix& matrix = job->matrix;
        if (matrix.dynamic) {
            source.why = "a matrix computed at run time";
            source.definition = matrix.node;
            source.definition_note = "the matrix";
            return source;
        }
        ValueSource worst;
        worst.risk = SourceRisk::Safe;
        worst.why = "a matrix value written in the workflow";
        bool found = false;
        for (const auto& [name, values] : matrix.values) {
            if (!key.empty() && !equals_icase(name, key)) continue;
            found = true;
            for (const Node* value : values) {
                ValueSource candidate;
                candidate.risk = SourceRisk::Safe;
                candidate.definition = value;
                candidate.definition_note = "the matrix value";
                candidate = classify_value(*value, depth, env_levels_.size(), std::move(candidate));
                if (candidate.risk > worst.risk) worst = std::move(candidate);
            }
        }
        if (!found && !key.empty()) {
            source.why = "a matrix key the matrix does not define";
            return source;
        }
        return worst;
    }

    // The risk of a value written in the file: a literal is safe; `${{ }}`
    // inside it is followed one level deeper.
    ValueSource classify_value(const Node& value, int depth, std::size_t next_env_level, ValueSource source) const {
        if (!value.is_scalar()) {
            bool any_expression = false;
            ValueSource worst = source;
            worst.risk = SourceRisk::Safe;
            auto visit = [&](const Node& scalar, auto& self) -> void {
                if (scalar.is_scalar()) {
                    if (scalar.value.find("${{") == std::string::npos) return;
                    any_expression = true;
                    ValueSource inner = classify_value(scalar, depth, next_env_level, source);
                    if (inner.risk > worst.risk) worst = std::move(inner);
                    return;
                }
                for (const Node* item : scalar.items) self(*item, self);
                for (const auto& entry : scalar.entries) self(*entry.value, self);
            };
            visit(value, visit);
            if (!any_expression) worst.why = "a value written in the workflow";
            return worst;
        }
        auto fences = expr::find_template_expressions(value.value);
        if (fences.empty()) {
            source.risk = SourceRisk::Safe;
            source.why = "a value written in the workflow";
            return source;
        }
        if (depth >= max_depth) {
            source.risk = SourceRisk::Unknown;
            source.why = "set from other values too deep to follow";
            return source;
        }
        ValueSource worst;
        worst.risk = SourceRisk::Safe;
        for (const expr::TemplateExpression& fence : fences) {
            std::string_view text = fence.inner(value.value);
            std::unique_ptr<expr::Expr> parsed;
            try {
                parsed = expr::parse_expression(text);
            } catch (const expr::ExpressionError&) {
                continue;
            }
            for (ValueSource& inner : sources(*parsed, text, depth + 1, next_env_level)) {
                if (inner.risk > worst.risk) worst = std::move(inner);
            }
        }
        source.risk = worst.risk;
        if (worst.risk == SourceRisk::Safe) {
            source.why = "set from values nobody outside can choose";
        } else {
            source.why = "set from " + quoted(worst.context) + " (" + worst.why + ")";
        }
        return source;
    }

    const ExpressionScope& scope_;
    std::vector<const Node*> env_levels_;
};

}  // namespace

std::vector<ValueSource> value_sources(const expr::Expr& expression, std::string_view text,
                                       const ExpressionScope& scope) {
    return Resolver(scope).sources(expression, text, 0, 0);
}

ValueSource riskiest_source(const expr::Expr& expression, std::string_view text, const ExpressionScope& scope) {
    ValueSource worst;
    for (ValueSource& source : value_sources(expression, text, scope)) {
        if (source.risk > worst.risk) worst = std::move(source);
    }
    return worst;
}

}  // namespace pysec
