// dependency-confusion: a package index that can shadow PyPI (or that PyPI
// can shadow) for every package name.

#include "rules/all_rules.hpp"
#include "rules/uv/index_settings.hpp"
#include "core/url_parts.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dependency_confusion_info{
    .id = "dependency-confusion",
    .title = "extra package index that can shadow PyPI",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "A second index searched for every package, wherever pip or uv read it:\n"
            "- pip: `--extra-index-url` in requirement files, `extra-index-url` in pip.conf/pip.ini (any section), "
            "PIP_EXTRA_INDEX_URL in workflow, action and dev-container environments. pip collects the candidates "
            "of all indexes and installs the highest version, wherever it comes from.\n"
            "- uv: `index-strategy = \"unsafe-best-match\"` or `\"unsafe-first-match\"` (also UV_INDEX_STRATEGY), "
            "which bring back pip's behaviour; a `[[tool.uv.index]]` (or uv.toml `[[index]]`) that is neither "
            "`explicit = true` nor `default = true` (a default index replaces PyPI instead of adding to it); legacy `extra-index-url` in uv settings; UV_INDEX and "
            "UV_EXTRA_INDEX_URL. uv asks such an index first for every package, so whatever it serves under any "
            "name replaces PyPI's.\n"
            "An \"extra\" index that is PyPI itself (pypi.org, files.pythonhosted.org) is not reported. A value "
            "hidden behind an expression (`${{ secrets.INDEX }}`) is still an extra index and is reported. Options "
            "given on a command line in `run:` (`pip install --extra-index-url ...`) are not read.",
    .why = "Dependency confusion (Alex Birsan, 2021) publishes your internal package names on PyPI with a higher "
           "version, and pip with `--extra-index-url` installs them. PyTorch's nightly builds were hit this way in "
           "December 2022: `torchtriton` lived on PyTorch's own index, someone uploaded a malicious `torchtriton` to "
           "PyPI, and every `pip install --extra-index-url https://download.pytorch.org/whl/nightly` took PyPI's.",
    .fix = "With uv, declare the private index with `explicit = true` and pin the packages that come from it in "
           "`[tool.uv.sources]`; keep the default `index-strategy`. With pip, use a single index (`--index-url`) "
           "that serves both your packages and a proxy of PyPI that refuses your names, and install with hashes.",
    .example = "Before:\n"
               "  [[tool.uv.index]]\n"
               "  name = \"internal\"\n"
               "  url = \"https://pkgs.example.com/simple\"\n"
               "After:\n"
               "  [[tool.uv.index]]\n"
               "  name = \"internal\"\n"
               "  url = \"https://pkgs.example.com/simple\"\n"
               "  explicit = true\n"
               "\n"
               "  [tool.uv.sources]\n"
               "  internal-lib = { index = \"internal\" }\n",
};

std::string shown_value(const IndexSetting& setting) {
    if (setting.opaque) return "an index set by `" + setting.value + "`";
    auto url = parse_url(setting.value);
    return "`" + (url ? redact_credentials(setting.value, *url) : setting.value) + "`";
}

class DependencyConfusionRule final : public Rule {
public:
    const RuleInfo& info() const override { return dependency_confusion_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::vector<UvSettings> settings = read_uv_settings(context.project);
        for (const IndexSetting& setting : collect_index_settings(context.project, settings)) {
            if (setting.kind == IndexSetting::Kind::ExtraIndex) {
                if (!setting.opaque && is_pypi_url(setting.value)) continue;
                report(setting, extra_index_message(setting), extra_index_help(setting), sink);
            } else if (setting.kind == IndexSetting::Kind::IndexStrategy &&
                       (setting.value == "unsafe-best-match" || setting.value == "unsafe-first-match")) {
                std::string message = "`" + setting.setting + "` is `" + setting.value +
                                      "`: uv " +
                                      (setting.value == "unsafe-best-match"
                                           ? "takes the best version of each package from any index"
                                           : "also takes versions of a package from later indexes when the first "
                                             "one has none that fit") +
                                      ", so a package name registered on PyPI can replace the one from your index";
                report(setting, message,
                       setting.setting.starts_with("UV_") ? "remove UV_INDEX_STRATEGY (the default is first-index)"
                                                          : "remove `index-strategy` (the default is \"first-index\")",
                       sink);
            }
        }
    }

private:
    void report(const IndexSetting& setting, const std::string& message, const std::string& help,
                FindingSink& sink) const {
        Finding finding = finding_at(setting.location(), message);
        finding.node = setting.node;
        finding.help = help;
        sink.add(std::move(finding));
    }

    static std::string extra_index_message(const IndexSetting& setting) {
        std::string where = "`" + setting.setting + "` (" + setting.origin + ")";
        if (!setting.uv) {
            return where + " adds " + shown_value(setting) +
                   " to PyPI: pip installs the highest version found on either, so anyone who publishes one of "
                   "its package names on PyPI with a higher version wins";
        }
        if (setting.index) {
            std::string name = setting.index->name && setting.index->name->is_scalar()
                                   ? "`" + setting.index->name->value + "` "
                                   : std::string();
            return "index " + name + shown_value(setting) +
                   " is not `explicit = true`: uv asks it first for every package, so whatever it serves under any "
                   "name replaces PyPI's";
        }
        return where + " adds " + shown_value(setting) +
               " before PyPI for every package: whatever it serves under any name replaces PyPI's";
    }

    static std::string extra_index_help(const IndexSetting& setting) {
        if (setting.index) return "explicit = true  # and pin its packages in [tool.uv.sources]";
        if (setting.uv) {
            return "[[tool.uv.index]]\nname = \"private\"\nurl = \"<the index URL>\"\nexplicit = true\n\n"
                   "[tool.uv.sources]\n<package> = { index = \"private\" }";
        }
        return "--index-url <one index that proxies PyPI and serves your packages>";
    }
};

}  // namespace

std::unique_ptr<Rule> make_dependency_confusion_rule() { return std::make_unique<DependencyConfusionRule>(); }

}  // namespace pysec
