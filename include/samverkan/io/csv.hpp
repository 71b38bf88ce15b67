// The RACI matrix as CSV: duties × actors, the spreadsheet planners already keep.
//
//     std::ofstream out{"raci.csv"};
//     samverkan::io::write_raci_csv(out, m);
//
//     samverkan::model m = samverkan::io::read_raci_csv(text, "raci.csv");
//
// The matrix (canonical form, what write_raci_csv produces; RFC 4180):
//
//     duty,ks,sf,lpo
//     lagesbild,A,R,C
//     plan,RA,,I
//
// - The first row is the header: the cell `duty`, then one cell per actor id. Each further row is a duty
//   id, then for each actor its roles on that duty as letters in RACI order ("RA", "C", "" for none).
// - Actors in the header and duties in rows come in model order (ids order); every actor and every duty of
//   the model appears, also those without any role.
// - Records end in CRLF, the last one too. A field is quoted ("...", a quote inside doubled) when it is
//   empty, contains , ; " CR or LF, or begins or ends with a space or tab; no other field is quoted. An
//   empty id is therefore written "", which tells it apart from an empty cell.
// - Only ids travel: names, mandates, stages, scopes and forums are not part of the matrix. Reading gives
//   a model of actors and duties whose names are empty (display names fall back to the ids), so a
//   spreadsheet whose first column holds duty names turns them into duty ids.
//
// What read_raci_csv accepts beyond the canonical form (a hand-kept spreadsheet):
// - a UTF-8 byte-order mark at the start; line ends CRLF, LF or CR; no line end after the last record;
// - `;` as the separator (as spreadsheets write in Swedish and other locales): the separator is the
//   character right after the first header cell, which must be `duty` (any letter case);
// - role cells in either case and any order, with spaces, '/', '+' or ',' between letters ("A/R", "r a");
// - rows shorter than the header (missing cells are empty), extra empty cells after the last actor, and
//   blank rows (every cell empty and unquoted), which are skipped.
// It rejects, with samverkan::error "SOURCE:ROW:COLUMN: message (cell B3)" where ROW counts records from 1
// (the header) and COLUMN counts cells from 1: input that is not UTF-8 (a spreadsheet saved as "CSV"
// rather than "CSV UTF-8"); a quote inside an unquoted cell, text after a closing quote, a quote that is
// never closed; a header that does not start with `duty`; an empty unquoted actor or duty id; an actor or
// duty listed twice; a letter other than R, A, C, I; a role given twice in one cell; a role in a column
// with no actor.
#ifndef SAMVERKAN_IO_CSV_HPP
#define SAMVERKAN_IO_CSV_HPP

#include <samverkan/error.hpp>
#include <samverkan/io/detail/export_text.hpp>
#include <samverkan/model/basic_model.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan::io {

namespace detail {

/// Appends a CSV field, quoted when the canonical form asks for it (see the top of this file).
inline void append_csv_field(std::string& out, std::string_view field) {
    bool quote =
        field.empty() || field.front() == ' ' || field.front() == '\t' || field.back() == ' ' || field.back() == '\t';
    for (char c : field)
        if (c == ',' || c == ';' || c == '"' || c == '\r' || c == '\n') quote = true;
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

/// A cell of a CSV record: its text (quotes removed), whether it was quoted, and where it starts.
struct csv_cell {
    std::string text;
    bool quoted = false;
    std::size_t column = 0; ///< 1-based cell number in its record
};

/// "B3": the spreadsheet name of a cell. Columns past Z continue AA, AB, ...
[[nodiscard]] inline std::string csv_cell_name(std::size_t row, std::size_t column) {
    std::string letters;
    for (std::size_t c = column; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

/// Splits CSV text into records of cells, one record at a time, tracking record and cell numbers for
/// error messages. O(n) over the whole text.
class csv_reader {
public:
    csv_reader(std::string_view text, std::string_view source) : text_{text}, source_{source} {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    }

    [[nodiscard]] bool done() const noexcept { return at_ >= text_.size(); }
    [[nodiscard]] std::size_t row() const noexcept { return row_; }
    void set_separator(char c) noexcept { separator_ = c; }

    /// Reads the first cell of the first record and decides the separator from the character after it.
    csv_cell read_header_start() {
        ++row_;
        detecting_ = true;
        csv_cell cell = read_cell(1);
        detecting_ = false;
        if (at_ < text_.size() && (text_[at_] == ';' || text_[at_] == ',')) separator_ = text_[at_];
        return cell;
    }

    /// Reads the rest of the current record into `cells` (appending); consumes its line end.
    void read_rest(std::vector<csv_cell>& cells) {
        while (at_ < text_.size() && text_[at_] == separator_) {
            ++at_;
            cells.push_back(read_cell(cells.size() + 1));
        }
        end_record();
    }

    /// Reads one whole record.
    std::vector<csv_cell> read_record() {
        ++row_;
        std::vector<csv_cell> cells;
        cells.push_back(read_cell(1));
        read_rest(cells);
        return cells;
    }

    [[noreturn]] void fail(std::size_t column, std::string const& message) const {
        fail_at(source_, row_, column, message);
    }

    [[noreturn]] static void fail_at(std::string_view source, std::size_t row, std::size_t column,
                                     std::string const& message) {
        throw error{std::string{source} + ':' + std::to_string(row) + ':' + std::to_string(column) + ": " + message +
                    " (cell " + csv_cell_name(row, column) + ")"};
    }

private:
    csv_cell read_cell(std::size_t column) {
        csv_cell cell;
        cell.column = column;
        if (at_ < text_.size() && text_[at_] == '"') {
            cell.quoted = true;
            ++at_;
            for (;;) {
                if (at_ >= text_.size())
                    fail(column,
                         "this quoted cell is never closed; a quote inside a quoted cell is written twice (\"\")");
                char const c = text_[at_++];
                if (c != '"') {
                    cell.text += c;
                } else if (at_ < text_.size() && text_[at_] == '"') {
                    cell.text += '"';
                    ++at_;
                } else {
                    break;
                }
            }
            if (at_ < text_.size() && !ends_cell(text_[at_]))
                fail(column,
                     "text after the closing quote; quote the whole cell and write a quote inside it twice (\"\")");
        } else {
            while (at_ < text_.size() && !ends_cell(text_[at_])) {
                if (text_[at_] == '"')
                    fail(column,
                         "a quote inside an unquoted cell; quote the whole cell and write the quote twice (\"\")");
                cell.text += text_[at_++];
            }
        }
        if (!is_utf8(cell.text))
            fail(column, "this cell is not UTF-8 text (a spreadsheet saved as \"CSV\" rather than \"CSV UTF-8\"?)");
        return cell;
    }

    /// Until the separator is known (the first header cell), both ',' and ';' end a cell.
    [[nodiscard]] bool ends_cell(char c) const noexcept {
        return c == separator_ || c == '\r' || c == '\n' || (detecting_ && (c == ',' || c == ';'));
    }

    /// Consumes the line end (CRLF, LF or CR) that read_cell stopped at, if any.
    void end_record() noexcept {
        if (at_ >= text_.size()) return;
        bool const cr = text_[at_] == '\r';
        ++at_;
        if (cr && at_ < text_.size() && text_[at_] == '\n') ++at_;
    }

    std::string_view text_;
    std::string_view source_;
    std::size_t at_ = 0;
    std::size_t row_ = 0;
    char separator_ = ',';
    bool detecting_ = false;
};

/// The roles in one matrix cell as a bit set (bit i = raci(i)). Throws on letters other than R, A, C, I
/// (either case) or a role given twice.
[[nodiscard]] inline unsigned parse_raci_cell(csv_reader const& reader, csv_cell const& cell, std::string_view actor,
                                              std::string_view duty) {
    unsigned roles = 0;
    std::string_view const text = cell.text;
    for (std::size_t i = 0; i < text.size();) {
        auto const step = decode_utf8(text, i);
        char32_t const c = step.code;
        std::optional<raci> role;
        if (c == 'R' || c == 'r') role = raci::responsible;
        else if (c == 'A' || c == 'a') role = raci::accountable;
        else if (c == 'C' || c == 'c') role = raci::consulted;
        else if (c == 'I' || c == 'i') role = raci::informed;
        else if (c != ' ' && c != '\t' && c != '/' && c != '+' && c != ',')
            reader.fail(cell.column, "unknown role \"" + std::string{text.substr(i, step.length)} + "\" for actor \"" +
                                         std::string{actor} + "\" on duty \"" + std::string{duty} +
                                         "\"; a cell holds the letters R, A, C and I");
        if (role) {
            unsigned const bit = 1U << static_cast<unsigned>(*role);
            if ((roles & bit) != 0)
                reader.fail(cell.column, std::string{"role "} + letter(*role) + " given twice for actor \"" +
                                             std::string{actor} + "\" on duty \"" + std::string{duty} + "\"");
            roles |= bit;
        }
        i += step.length;
    }
    return roles;
}

} // namespace detail

/// Writes the RACI matrix of `m` (duties × actors) as CSV in the canonical form described at the top of
/// this file. O(duties × actors + assignments): the matrix is dense.
///
///     samverkan::io::write_raci_csv(std::cout, m);   // duty,ks,sf\r\nlagesbild,A,R\r\n
template <class Traits>
void write_raci_csv(std::ostream& os, basic_model<Traits> const& m) {
    std::string line = "duty";
    for (actor_id a : m.actors()) {
        line += ',';
        detail::append_csv_field(line, m[a].id);
    }
    line += "\r\n";
    os << line;
    std::vector<std::uint8_t> roles(m.template id_bound<actor_id>(), 0);
    std::vector<actor_id> touched;
    for (duty_id d : m.duties()) {
        for (assignment const& x : m.raci_of(d)) {
            if (roles[x.actor.index()] == 0) touched.push_back(x.actor);
            roles[x.actor.index()] =
                static_cast<std::uint8_t>(roles[x.actor.index()] | (1U << static_cast<unsigned>(x.role)));
        }
        line.clear();
        detail::append_csv_field(line, m[d].id);
        for (actor_id a : m.actors()) {
            line += ',';
            for (raci r : {raci::responsible, raci::accountable, raci::consulted, raci::informed})
                if ((roles[a.index()] & (1U << static_cast<unsigned>(r))) != 0) line += letter(r);
        }
        line += "\r\n";
        os << line;
        for (actor_id a : touched) roles[a.index()] = 0;
        touched.clear();
    }
}

/// Reads a RACI matrix (the canonical form, or a spreadsheet's variant of it: see the top of this file)
/// into a model of its actors and duties with their RACI roles, in file order. `source` names the input in
/// error messages. Throws samverkan::error "SOURCE:ROW:COLUMN: message (cell B3)" on the first problem;
/// nothing is returned half-read. O(size of the text).
///
///     auto m = samverkan::io::read_raci_csv("duty;ks;sf\nlagesbild;A;R\n", "raci.csv");
///     // m.actors_with(*m.find<samverkan::duty_id>("lagesbild"), samverkan::raci::accountable) -> ks
[[nodiscard]] inline samverkan::model read_raci_csv(std::string_view text, std::string_view source = "<input>") {
    detail::csv_reader reader{text, source};
    samverkan::model m;
    if (reader.done())
        detail::csv_reader::fail_at(source, 1, 1, "empty input: expected a header row starting with the cell \"duty\"");

    std::vector<detail::csv_cell> header;
    header.push_back(reader.read_header_start());
    {
        std::string first = header.front().text;
        for (char& c : first)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (first != "duty")
            reader.fail(1, "the header row must start with the cell \"duty\" (found \"" + header.front().text +
                               "\"); the other header cells are actor ids");
    }
    reader.read_rest(header);
    std::vector<actor_id> actors;
    actors.reserve(header.size() - 1);
    for (std::size_t i = 1; i < header.size(); ++i) {
        auto const& cell = header[i];
        if (cell.text.empty() && !cell.quoted)
            reader.fail(cell.column, "empty header cell: every column after \"duty\" names an actor (delete the empty "
                                     "column, or write \"\" for an actor whose id is the empty string)");
        if (auto seen = m.find<actor_id>(cell.text))
            reader.fail(cell.column, "actor \"" + cell.text + "\" is listed twice in the header (also in column " +
                                         std::to_string(seen->index() + 2) + ")");
        actors.push_back(m.add_actor({.id = cell.text}));
    }

    std::vector<std::size_t> duty_rows;
    while (!reader.done()) {
        auto const cells = reader.read_record();
        bool blank = true;
        for (auto const& c : cells)
            if (!c.text.empty() || c.quoted) blank = false;
        if (blank) continue;
        auto const& id = cells.front();
        if (id.text.empty() && !id.quoted)
            reader.fail(1,
                        "empty duty id: the first cell of each row names a duty (write \"\" for a duty whose id is the "
                        "empty string)");
        if (auto seen = m.find<duty_id>(id.text))
            reader.fail(1, "duty \"" + id.text + "\" is listed twice (also in row " +
                               std::to_string(duty_rows[seen->index()]) + ")");
        duty_id const d = m.add_duty({.id = id.text});
        duty_rows.push_back(reader.row());
        for (std::size_t i = 1; i < cells.size(); ++i) {
            auto const& cell = cells[i];
            if (i > actors.size()) {
                if (!cell.text.empty())
                    reader.fail(cell.column, "\"" + cell.text + "\" is in a column with no actor in the header");
                continue;
            }
            actor_id const a = actors[i - 1];
            unsigned const roles = detail::parse_raci_cell(reader, cell, m[a].id, id.text);
            for (raci r : {raci::responsible, raci::accountable, raci::consulted, raci::informed})
                if ((roles & (1U << static_cast<unsigned>(r))) != 0) m.assign(a, d, r);
        }
    }
    return m;
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_CSV_HPP
