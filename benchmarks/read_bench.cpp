// samverkan_read_bench: how fast and how lean the model reader is, and how its JSON cursor compares with
// Boost.JSON's SAX parser (basic_parser). benchmarks/README.md, "Reading".
//
//     samverkan_read_bench FILE [MODE] [--audit] [--repeat N]
//
// MODE: model (default; file -> validated samverkan::model through io::read_json_file, as the tool and
// the Python module load: the file is mapped, parsed in place and its pages dropped behind the reader;
// the clock includes the mapping), text (io::read_json of the text mapped beforehand: the reader alone,
// the whole file resident throughout), cursor (every token of json_cursor, no model), boost (every event
// of boost::json::basic_parser, no model), floor (every token, and each "id" string made into a
// samverkan::actor in a vector reserved beforehand: what any reader of the default element types must do
// at least, for the element-heavy file). Except in `model` the file is mapped with MAP_POPULATE before
// the clock starts. The clock stops when the model is returned (its destruction is not timed). Prints
// one line per run: the mode, MB,
// wall seconds, CPU seconds (user + sys), MB/s of CPU time and of wall time, the peak resident set
// (which includes the mapped file) and its ratio to the file size, and the 1-minute load average (the
// machine is shared: CPU time is the figure to compare, wall time only on an idle machine).
// With --audit the model is also audited (the peak then covers load + audit).
#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/json.hpp>

// basic_parser_impl.hpp alone does not link: it calls boost::json::detail::stack::reserve and
// make_error_code, which live in the compiled Boost.JSON (or src.hpp, in exactly one TU of a program).
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/src.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

struct cpu_clock {
    static double now() {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
               static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
    }
};

double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) * 1024.0 / 1e6; // ru_maxrss is in KiB; MB as the file size
}

/// The resident set now, in MB (/proc/self/statm; 0 where there is none).
double resident_mb() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return 0;
    unsigned long pages = 0, resident = 0;
    int const n = std::fscanf(f, "%lu %lu", &pages, &resident);
    std::fclose(f);
    return n == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6 : 0;
}

double load_average() {
    double l[1] = {0};
    // (1-minute average of runnable processes; compare with the number of cores)
    return getloadavg(l, 1) == 1 ? l[0] : -1;
}

/// Counts events; accepts exactly what strict JSON allows (no comments: the parse options say so).
struct counting_handler {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    std::size_t events = 0;
    using ec_t = boost::json::error_code;
    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return ++events, true; }
    bool on_array_end(std::size_t, ec_t&) { return ++events, true; }
    bool on_object_begin(ec_t&) { return ++events, true; }
    bool on_object_end(std::size_t, ec_t&) { return ++events, true; }
    bool on_string_part(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, ec_t&) { return ++events, true; }
    bool on_key_part(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_key(boost::json::string_view, std::size_t, ec_t&) { return ++events, true; }
    bool on_number_part(boost::json::string_view, ec_t&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, ec_t&) { return ++events, true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, ec_t&) { return ++events, true; }
    bool on_double(double, boost::json::string_view, ec_t&) { return ++events, true; }
    bool on_bool(bool, ec_t&) { return ++events, true; }
    bool on_null(ec_t&) { return ++events, true; }
    bool on_comment_part(boost::json::string_view, ec_t&) { return true; }
    bool on_comment(boost::json::string_view, ec_t&) { return true; }
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: samverkan_read_bench FILE [model|text|floor|cursor|boost] [--audit] [--repeat N]\n");
        return 2;
    }
    std::string const file = argv[1];
    std::string mode = "model";
    bool audit = false;
    int repeat = 1;
    for (int i = 2; i < argc; ++i) {
        std::string_view const a = argv[i];
        if (a == "--audit") audit = true;
        else if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else mode = a;
    }
    int const fd = ::open(file.c_str(), O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::perror(file.c_str());
        return 2;
    }
    auto const size = static_cast<std::size_t>(st.st_size);
    void* p = nullptr;
    if (mode != "model") { // `model` maps the file itself, through read_json_file
        p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) {
            std::perror("mmap");
            return 2;
        }
    }
    ::close(fd);
    std::string_view const text{static_cast<char const*>(p), p == nullptr ? 0 : size};
    double const mb = static_cast<double>(size) / 1e6;

    for (int run = 0; run < repeat; ++run) {
        auto const wall0 = std::chrono::steady_clock::now();
        double const cpu0 = cpu_clock::now();
        std::size_t result = 0;
        double audit_cpu = 0, cpu = 0, wall = 0;
        auto const stop = [&] {
            cpu = cpu_clock::now() - cpu0;
            wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        };
        if (mode == "model" || mode == "text") {
            samverkan::model m =
                mode == "model" ? samverkan::io::read_json_file(file) : samverkan::io::read_json(text, file);
            stop();
            result = m.count<samverkan::actor_id>() + m.count<samverkan::duty_id>();
            std::printf("resident after loading: %.0f MB (%s)\n", resident_mb(),
                        mode == "model" ? "model and what is left of the mapped file" : "file and model");
            if (audit) {
                double const a0 = cpu_clock::now();
                auto const r = samverkan::audit(m);
                audit_cpu = cpu_clock::now() - a0;
                result += r.findings.size();
            }
        } else if (mode == "floor") {
            // The least any reader of the default types must do for an element-heavy file: every token,
            // and every "id" string made into a samverkan::actor appended to a vector reserved at its
            // size (no index, no checks, no relations).
            std::vector<samverkan::actor> actors;
            actors.reserve(size / 16);
            samverkan::io::detail::json_cursor c{text};
            bool id_next = false;
            for (auto e = c.next(); e != samverkan::io::detail::json_event::end; e = c.next()) {
                if (e == samverkan::io::detail::json_event::key) id_next = c.value() == "id";
                else if (e == samverkan::io::detail::json_event::string && id_next) {
                    samverkan::actor a; // default-initialised, as the reader does
                    a.id = c.value();
                    actors.push_back(std::move(a));
                }
            }
            stop();
            result = actors.size();
        } else if (mode == "cursor") {
            samverkan::io::detail::json_cursor c{text};
            while (c.next() != samverkan::io::detail::json_event::end) ++result;
        } else if (mode == "boost") {
            boost::json::parse_options opt;
            opt.max_depth = 512;
            boost::json::basic_parser<counting_handler> parser{opt};
            boost::json::error_code ec;
            parser.write_some(false, text.data(), text.size(), ec);
            if (ec) {
                std::fprintf(stderr, "boost: %s at byte %zu\n", ec.message().c_str(), static_cast<std::size_t>(0));
                return 2;
            }
            result = parser.handler().events;
        } else {
            std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
            return 2;
        }
        if (mode != "model" && mode != "text" && mode != "floor") stop();
        std::printf("%s%s %.1f MB: wall %.3f s, cpu %.3f s (%.0f MB/s cpu, %.0f MB/s wall)%s, peak %.0f MB "
                    "(%.2fx file), load %.2f [%zu]\n",
                    mode.c_str(), audit ? "+audit" : "", mb, wall, cpu, mb / cpu, mb / wall,
                    audit ? (" audit cpu " + std::to_string(audit_cpu) + " s").c_str() : "", peak_mb(), peak_mb() / mb,
                    load_average(), result);
    }
    if (p != nullptr) ::munmap(p, size);
}
