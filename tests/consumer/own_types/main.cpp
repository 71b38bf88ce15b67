// A planning tool's own element types end to end: described structs with extra fields on actors and
// duties, read from a file that carries them, audited, and written back unchanged. Exits non-zero if
// anything is off.
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/samverkan.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace plan {

enum class urgency { low, normal, high };
BOOST_DESCRIBE_ENUM(urgency, low, normal, high)

struct actor : samverkan::actor {
    int budget_kkr = 0;                 ///< the actor's budget for the plan, in thousands of kronor
    std::optional<std::string> contact; ///< left out of the file when absent
};
BOOST_DESCRIBE_STRUCT(actor, (samverkan::actor), (budget_kkr, contact))

struct duty : samverkan::duty {
    urgency priority = urgency::normal;
    double hours = 0;
    std::vector<std::string> tags;
};
BOOST_DESCRIBE_STRUCT(duty, (samverkan::duty), (priority, hours, tags))

struct traits : samverkan::default_traits {
    using actor_type = plan::actor;
    using duty_type = plan::duty;
};

} // namespace plan

int main() {
    int failures = 0;
    auto check = [&](bool ok, char const* what) {
        if (!ok) {
            std::cerr << "consumer: " << what << '\n';
            ++failures;
        }
    };
    std::ifstream in{CONSUMER_PLAN_FILE, std::ios::binary};
    std::stringstream text;
    text << in.rdbuf();

    auto const m = samverkan::io::read_json<plan::traits>(text.str(), "plan.json");
    auto const ks = m.find<samverkan::actor_id>("ks");
    auto const lpo = m.find<samverkan::actor_id>("lpo");
    auto const lb = m.find<samverkan::duty_id>("lagesbild");
    auto const up = m.find<samverkan::duty_id>("uppfoljning");
    check(ks && lpo && lb && up, "the elements are there");
    if (failures != 0) return 1;
    check(m[*ks].budget_kkr == 1200 && m[*ks].contact == "kansli@kommun.example", "the actor's own fields");
    check(m[*lpo].budget_kkr == -5 && !m[*lpo].contact, "an absent optional stays empty");
    check(m[*lb].priority == plan::urgency::high && m[*lb].hours == 12.5 &&
              m[*lb].tags == std::vector<std::string>{"EST", "Lag (2023:196)"},
          "the duty's own fields");
    check(m[*up].optional && m[*up].tags.empty(), "the default fields");

    auto const r = samverkan::audit(m);
    int idle = 0;
    for (auto const& f : r.findings) {
        std::ostringstream line;
        line << samverkan::describe(m, f); // the message is made from the model when written
        if (line.str().find("idle-actor") != std::string::npos) ++idle;
    }
    check(idle == 1, "the audit finds the one idle actor of the plan");
    std::ostringstream report;
    samverkan::io::write_report_json(report, m, r);
    check(report.str().find("\"forening\"") != std::string::npos, "the report names the idle actor");

    std::string const back = samverkan::io::to_json(m);
    check(back == text.str(), "written back byte for byte");
    if (back != text.str()) std::cerr << back;

    // A key that is no member of the tool's types is still an unknown key.
    try {
        (void)samverkan::io::read_json<plan::traits>(
            R"({"format": "samverkan/1", "actors": [{"id": "a", "budget": 1}]})");
        check(false, "an unknown key is an error");
    } catch (samverkan::io::load_error const& e) {
        check(std::string{e.what()}.find("did you mean \"budget_kkr\"") != std::string::npos, "did you mean");
    }
    if (failures == 0) std::cout << "consumer: own element types read, audited and written back\n";
    return failures == 0 ? 0 : 1;
}
