// insecure-index: package downloads with TLS verification off, or over
// plain HTTP.

#include "rules/all_rules.hpp"
#include "rules/uv/index_settings.hpp"
#include "core/url_parts.hpp"

namespace pysec {
namespace {

constexpr RuleInfo insecure_index_info{
    .id = "insecure-index",
    .title = "package index over plain HTTP or with TLS verification off",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "- pip's `--trusted-host` in requirement files, `trusted-host` in pip.conf/pip.ini, PIP_TRUSTED_HOST "
            "in workflow, action and dev-container environments: pip then accepts that host over HTTP, or over "
            "HTTPS without checking its certificate;\n"
            "- uv's `allow-insecure-host` (top level or `[pip]`) and UV_INSECURE_HOST, which skip certificate "
            "verification;\n"
            "- an `http://` index or find-links URL in any of the same places (`-i`, `--extra-index-url`, `-f`, "
            "`index-url`, `extra-index-url`, `find-links`, `[[tool.uv.index]]` `url`, PIP_INDEX_URL, "
            "PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, UV_INDEX, UV_DEFAULT_INDEX, UV_INDEX_URL, UV_EXTRA_INDEX_URL, "
            "UV_FIND_LINKS).\n"
            "The machine itself (`localhost`, `127.0.0.0/8`, `::1`), as used by tests against a local index, is "
            "not reported. Values hidden behind expressions are not judged, and options given on a command line in "
            "`run:` are not read.",
    .why = "Whoever sits on the network path (a compromised proxy, Wi-Fi, a cloud neighbour, a hijacked DNS name) "
           "can then serve any package, and the installer runs its code. Hash-pinned requirements catch changed "
           "files, but not new dependencies or an index that lies about what exists.",
    .fix = "Serve the index over HTTPS with a certificate the machines trust (point pip's `cert`/`--cert` or uv's "
           "`SSL_CERT_FILE` at a private CA instead of disabling verification), and remove the trusted/insecure "
           "host entries.",
    .example = "Before:\n"
               "  --extra-index-url http://pkgs.internal/simple\n"
               "  --trusted-host pkgs.internal\n"
               "After:\n"
               "  --index-url https://pkgs.internal/simple\n",
};

class InsecureIndexRule final : public Rule {
public:
    const RuleInfo& info() const override { return insecure_index_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::vector<UvSettings> settings = read_uv_settings(context.project);
        for (const IndexSetting& setting : collect_index_settings(context.project, settings)) {
            if (setting.opaque || setting.value.empty()) continue;
            using Kind = IndexSetting::Kind;
            std::string where = "`" + setting.setting + "` (" + setting.origin + ")";
            if (setting.kind == Kind::TrustedHost || setting.kind == Kind::InsecureHost) {
                std::string host = host_of(setting.value);
                if (is_loopback_host(host)) continue;
                std::string effect = setting.kind == Kind::TrustedHost
                                         ? "pip accepts it over plain HTTP or with any certificate"
                                         : "uv accepts any certificate from it";
                report(setting, where + " turns TLS verification off for `" + setting.value + "`: " + effect,
                       "remove the entry and give the index a trusted certificate", sink);
                continue;
            }
            if (setting.kind == Kind::IndexStrategy) continue;
            auto url = parse_url(setting.value);
            if (!url || url->scheme != "http" || is_loopback_host(url->host)) continue;
            std::string shown = redact_credentials(setting.value, *url);
            std::string https = "https" + shown.substr(4);
            report(setting,
                   where + " fetches packages over plain HTTP from `" + shown +
                       "`: anyone on the network path can replace them",
                   https, sink);
        }
    }

private:
    // "host", "host:port" or a URL -> the host name.
    static std::string host_of(const std::string& value) {
        if (auto url = parse_url(value)) return url->host;
        std::string host = value;
        if (auto colon = host.find(':'); colon != std::string::npos && host.find(':', colon + 1) == std::string::npos) {
            host = host.substr(0, colon);
        }
        if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
        return host;
    }

    void report(const IndexSetting& setting, const std::string& message, const std::string& help,
                FindingSink& sink) const {
        Finding finding = finding_at(setting.location(), message);
        finding.node = setting.node;
        finding.help = help;
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_insecure_index_rule() { return std::make_unique<InsecureIndexRule>(); }

}  // namespace pysec
