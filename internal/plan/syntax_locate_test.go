package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// A slip changes one line of a plan the way a hand editing it might,
// and says where locateSyntax should then point: the column (1-based,
// in characters) and, for the indentation kinds, the column the line's
// siblings start at (0 when none fits, as for a "- " that must go).
type slip func(line string) (slipped string, col, want int)

// content is where a line's text starts, 1-based.
func content(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) + 1 }

func runeColOf(s string, byteOff int) int { return utf8.RuneCountInString(s[:byteOff]) + 1 }

func indentBy(n int) slip {
	return func(s string) (string, int, int) {
		return strings.Repeat(" ", n) + s, content(s) + n, content(s)
	}
}

func outdentBy(n int) slip {
	return func(s string) (string, int, int) {
		return s[n:], content(s) - n, content(s)
	}
}

// tabIndent puts a tab in place of the line's first two spaces.
func tabIndent(s string) (string, int, int) { return "\t" + s[2:], 1, 0 }

// dropColon drops the colon after the line's key.
func dropColon(s string) (string, int, int) {
	c := content(s)
	if strings.HasPrefix(s[c-1:], "- ") {
		c += 2
	}
	return strings.Replace(s, ": ", " ", 1), c, 0
}

// openQuote starts the line's value with quote q, never closed.
func openQuote(q string) slip {
	return func(s string) (string, int, int) {
		i := strings.Index(s, ": ") + 2
		return s[:i] + q + s[i:], runeColOf(s, i), 0
	}
}

// openBracket starts the line's value with a [ never closed.
func openBracket(s string) (string, int, int) { return openQuote("[")(s) }

// aliasNope replaces the line's value by an alias to no anchor.
func aliasNope(s string) (string, int, int) {
	i := strings.Index(s, ": ") + 2
	return s[:i] + "*nope", runeColOf(s, i), 0
}

// insertByte puts b before the line's last word.
func insertByte(b byte) slip {
	return func(s string) (string, int, int) {
		i := strings.LastIndex(s, " ") + 1
		return s[:i] + string(b) + s[i:], runeColOf(s, i), 0
	}
}

// dashBeforeKey makes a key line a list item where a key belongs.
func dashBeforeKey(s string) (string, int, int) {
	c := content(s) - 1
	return s[:c] + "- " + s[c:], c + 1, 0
}

// blankDash blanks out the "- " of a list item.
func blankDash(s string) (string, int, int) {
	c := content(s) - 1
	return s[:c] + "  " + s[c+2:], c + 1, 0
}

// dropDash removes the "- " of a list item, its text moving left.
func dropDash(s string) (string, int, int) {
	c := content(s) - 1
	return s[:c] + s[c+2:], c + 1, 0
}

// colonInValue puts ": " inside the line's (plain) value, after its
// first word.
func colonInValue(s string) (string, int, int) {
	i := strings.Index(s, ": ") + 2
	j := i + strings.Index(s[i:], " ")
	return s[:j] + ":" + s[j:], runeColOf(s, j), 0
}

// quoteInQuotes quotes the line's value, starting it with a quoted word.
func quoteInQuotes(s string) (string, int, int) {
	i := strings.Index(s, ": ") + 2
	return s[:i] + `"Sở "` + s[i:] + `"`, runeColOf(s, i) + 5, 0
}

// atSign starts the line's value with @, which YAML reserves.
func atSign(s string) (string, int, int) { return openQuote("@")(s) }

// yamlSyntaxError is the line and message locateSyntax gets from the
// loader for data: yaml.v3's error on the first document, or on what
// follows it, as yamlError splits it.
func yamlSyntaxError(t *testing.T, data []byte) (int, string) {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		err = dec.Decode(&doc)
	}
	if err == nil || errors.Is(err, io.EOF) {
		t.Fatal("yaml.v3 reads the slipped text without error: the case tests nothing")
	}
	return yamlErrorLine(err, data)
}

// slipped returns plan file with line (1-based) changed by s, checking
// that the line still reads text: the cases name lines of real plans,
// which may change.
func slipped(t *testing.T, file string, line int, text string, s slip) (data []byte, col, want int) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "plans", file))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) || strings.TrimSpace(lines[line-1]) != text {
		t.Fatalf("plans/%s line %d no longer reads %q: update the case", file, line, text)
	}
	lines[line-1], col, want = s(lines[line-1])
	return []byte(strings.Join(lines, "\n")), col, want
}

const daknong = "daknong-2024.yaml"

func TestLocateSyntax(t *testing.T) {
	tests := []struct {
		name string
		file string // in plans/; daknong-2024.yaml if empty
		line int
		text string // what the line reads before the slip, trimmed
		slip slip
		kind SyntaxKind
		char rune   // the quote, bracket or character, if the kind has one
		key  string // SyntaxMissingColon: the key
		// yamlSaid, when set, is the line yaml.v3 reports ("none"):
		// what the locator improves on.
		yamlSaid string
	}{
		// A line pushed deeper than its siblings: a key under a value.
		{name: "indent 2: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: max 9.5", line: 57, text: "max: 9.5", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: achieved 1.2", line: 77, text: "achieved: 0.5", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: max 0.75", line: 507, text: "max: 0.75", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: target 1", line: 895, text: "target: 1", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: achieved near the end", line: 1283, text: "achieved: 0.5", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 2: name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "indent 4: max 100", line: 29, text: "max: 100", slip: indentBy(4), kind: SyntaxTooDeep},
		{name: "indent 4: target 0.8", line: 604, text: "target: 0.8", slip: indentBy(4), kind: SyntaxTooDeep},
		{name: "indent 4: tasks", line: 1477, text: "tasks:", slip: indentBy(4), kind: SyntaxTooDeep},
		{name: "indent 4: items", line: 1681, text: "items:", slip: indentBy(4), kind: SyntaxTooDeep},

		// A line pulled back: to no open block's column, or to an
		// outer block's, stranding the lines after it.
		{name: "outdent 2: achieved 1.2", line: 77, text: "achieved: 0.5", slip: outdentBy(2), kind: SyntaxOutdented, yamlSaid: "61"},
		{name: "outdent 2: max 9.5", line: 57, text: "max: 9.5", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "outdent 2: items 1.3", line: 92, text: "items:", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "outdent 2: max 0.75", line: 507, text: "max: 0.75", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "outdent 2: target 1", line: 895, text: "target: 1", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "outdent 2: tasks", line: 1477, text: "tasks:", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "outdent 4: achieved 1.2", line: 77, text: "achieved: 0.5", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "outdent 4: max 100", line: 29, text: "max: 100", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "outdent 4: items 1.3, far from the break", line: 92, text: "items:", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "outdent 4: target 0.8", line: 604, text: "target: 0.8", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "outdent 4: achieved near the end", line: 1283, text: "achieved: 0.5", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "outdent 4: tasks", line: 1477, text: "tasks:", slip: outdentBy(4), kind: SyntaxOutdented},

		// A tab in the indentation.
		{name: "tab: comment", line: 11, text: `# the heading reads "KẾ HOẠCH" over "Cải thiện, nâng cao ... năm 2024"; the closing`, slip: tabIndent, kind: SyntaxTab},
		{name: "tab: index", line: 26, text: "- index: PAR INDEX", slip: tabIndent, kind: SyntaxTab},
		{name: "tab: achieved 1.2", line: 77, text: "achieved: 0.5", slip: tabIndent, kind: SyntaxTab, yamlSaid: "76"},
		{name: "tab: list item", line: 404, text: "- Chánh Văn phòng UBND tỉnh", slip: tabIndent, kind: SyntaxTab},
		{name: "tab: target 1", line: 895, text: "target: 1", slip: tabIndent, kind: SyntaxTab},
		{name: "tab: tasks", line: 1477, text: "tasks:", slip: tabIndent, kind: SyntaxTab},

		// A key without its colon.
		{name: "no colon: max 100", line: 29, text: "max: 100", slip: dropColon, kind: SyntaxMissingColon, key: "max"},
		{name: "no colon: max 9.5", line: 57, text: "max: 9.5", slip: dropColon, kind: SyntaxMissingColon, key: "max"},
		{name: "no colon: achieved 1.2", line: 77, text: "achieved: 0.5", slip: dropColon, kind: SyntaxMissingColon, key: "achieved"},
		{name: "no colon: target 0.8", line: 604, text: "target: 0.8", slip: dropColon, kind: SyntaxMissingColon, key: "target"},
		{name: "no colon: achieved near the end", line: 1283, text: "achieved: 0.5", slip: dropColon, kind: SyntaxMissingColon, key: "achieved"},
		{name: "no colon: name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: dropColon, kind: SyntaxMissingColon, key: "name"},
		{name: "no colon: first key of an item", line: 26, text: "- index: PAR INDEX", slip: dropColon, kind: SyntaxMissingColon, key: "index"},
		{name: "no colon: rule", line: 1202, text: "- rule: criterion-name", slip: dropColon, kind: SyntaxMissingColon, key: "rule"},

		// A quote never closed: yaml.v3 fails where the next quote
		// closes it, maybe a thousand lines on.
		{name: `open ": issuer`, line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: `open ": max 9.5`, line: 57, text: "max: 9.5", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: `open ": achieved 1.2`, line: 77, text: "achieved: 0.5", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: `open ": name`, line: 201, text: "name: Xử lý kết quả theo dõi thi hành pháp luật", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: `open ": target 1`, line: 895, text: "target: 1", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: `open ": last name`, line: 1680, text: "name: Tiếp cận dịch vụ", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: "open ': issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "open ': max 9.5", line: 57, text: "max: 9.5", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "open ': achieved 1.2", line: 77, text: "achieved: 0.5", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "open ': name", line: 201, text: "name: Xử lý kết quả theo dõi thi hành pháp luật", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "open ': target 1", line: 895, text: "target: 1", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "open ': after the last apostrophe", line: 1680, text: "name: Tiếp cận dịch vụ", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},

		// A [ never closed.
		{name: "open [: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: openBracket, kind: SyntaxUnclosedFlow, char: '['},
		{name: "open [: max 100", line: 29, text: "max: 100", slip: openBracket, kind: SyntaxUnclosedFlow, char: '['},
		{name: "open [: achieved 1.2", line: 77, text: "achieved: 0.5", slip: openBracket, kind: SyntaxUnclosedFlow, char: '['},
		{name: "open [: max 0.75", line: 507, text: "max: 0.75", slip: openBracket, kind: SyntaxUnclosedFlow, char: '['},
		{name: "open [: name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: openBracket, kind: SyntaxUnclosedFlow, char: '['},

		// A list item at the wrong level.
		{name: "item indent 2: code 1.2", line: 74, text: `- code: "1.2"`, slip: indentBy(2), kind: SyntaxListItem},
		{name: "item indent 2: code 1.4", line: 119, text: `- code: "1.4"`, slip: indentBy(2), kind: SyntaxListItem},
		{name: "item indent 2: code 6.2", line: 1040, text: `- code: "6.2"`, slip: indentBy(2), kind: SyntaxListItem},
		{name: "item outdent 2: code 1.1", line: 61, text: `- code: "1.1"`, slip: outdentBy(2), kind: SyntaxListItem},
		{name: "item outdent 2: code 1.3.2", line: 106, text: `- code: "1.3.2"`, slip: outdentBy(2), kind: SyntaxListItem},
		{name: "item outdent 2: second appendix", line: 1541, text: "- id: phu-luc-02", slip: outdentBy(2), kind: SyntaxListItem},
		{name: "item indent 2: first of 3", line: 71, text: "- Các sở, ban, ngành", slip: indentBy(2), kind: SyntaxListItem},
		{name: "item indent 2: first of 3 later", line: 298, text: "- Các sở, ban, ngành", slip: indentBy(2), kind: SyntaxListItem},
		{name: "item indent 4: first of 3", line: 992, text: "- Các sở, ban, ngành", slip: indentBy(4), kind: SyntaxListItem},
		{name: "item outdent 4: a lead", line: 404, text: "- Chánh Văn phòng UBND tỉnh", slip: outdentBy(4), kind: SyntaxListItem},
		{name: "item outdent 4: a lead later", line: 1380, text: "- Chủ tịch UBND cấp xã", slip: outdentBy(4), kind: SyntaxListItem},
		{name: "item outdent 4: a quoted task", line: 187, text: `- "Thực hiện đầy đủ 03 nhiệm vụ theo dõi tình hình thi hành pháp luật theo đúng quy định tại Nghị định số 59/2012/NĐ-CP, Nghị định số 32/2020/NĐ-CP của Chính phủ và các văn bản hướng dẫn thi hành, cụ thể như sau:"`, slip: outdentBy(4), kind: SyntaxListItem},
		{name: "item where a key belongs: max 9.5", line: 57, text: "max: 9.5", slip: dashBeforeKey, kind: SyntaxListItem},
		{name: "item where a key belongs: achieved 1.2", line: 77, text: "achieved: 0.5", slip: dashBeforeKey, kind: SyntaxListItem},
		{name: "item where a key belongs: name", line: 201, text: "name: Xử lý kết quả theo dõi thi hành pháp luật", slip: dashBeforeKey, kind: SyntaxListItem},
		{name: "item where a key belongs: target 1", line: 895, text: "target: 1", slip: dashBeforeKey, kind: SyntaxListItem},
		{name: "item where a key belongs: plan", line: 9, text: "plan:", slip: dashBeforeKey, kind: SyntaxListItem},
		{name: "item where a key belongs: acknowledge", line: 280, text: "acknowledge:", slip: dashBeforeKey, kind: SyntaxListItem},

		// A list item without its "- ".
		{name: "no dash: code 1.3.1", line: 93, text: `- code: "1.3.1"`, slip: blankDash, kind: SyntaxMissingDash},
		{name: "no dash: code 2.1.1", line: 181, text: `- code: "2.1.1"`, slip: blankDash, kind: SyntaxMissingDash},
		{name: "no dash: first appendix", line: 41, text: "- id: phu-luc-01", slip: blankDash, kind: SyntaxMissingDash},
		{name: "dash dropped: code 1.2", line: 74, text: `- code: "1.2"`, slip: dropDash, kind: SyntaxMissingDash},
		{name: "dash dropped: rule", line: 1202, text: "- rule: criterion-name", slip: dropDash, kind: SyntaxMissingDash},

		// An alias to no anchor: yaml.v3 gives no line.
		{name: "alias: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: aliasNope, kind: SyntaxUndefinedAlias, yamlSaid: "none"},
		{name: "alias: max 9.5", line: 57, text: "max: 9.5", slip: aliasNope, kind: SyntaxUndefinedAlias},
		{name: "alias: achieved 1.2", line: 77, text: "achieved: 0.5", slip: aliasNope, kind: SyntaxUndefinedAlias},
		{name: "alias: target 0.8", line: 604, text: "target: 0.8", slip: aliasNope, kind: SyntaxUndefinedAlias},
		{name: "alias: last name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: aliasNope, kind: SyntaxUndefinedAlias},

		// A control character: yaml.v3 gives no line.
		{name: "DEL: comment", line: 11, text: `# the heading reads "KẾ HOẠCH" over "Cải thiện, nâng cao ... năm 2024"; the closing`, slip: insertByte(0x7f), kind: SyntaxControlChar, char: 0x7f, yamlSaid: "none"},
		{name: "DEL: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: insertByte(0x7f), kind: SyntaxControlChar, char: 0x7f},
		{name: "DEL: achieved 1.2", line: 77, text: "achieved: 0.5", slip: insertByte(0x7f), kind: SyntaxControlChar, char: 0x7f},
		{name: "DEL: list item", line: 1380, text: "- Chủ tịch UBND cấp xã", slip: insertByte(0x7f), kind: SyntaxControlChar, char: 0x7f},
		{name: "DEL: last name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: insertByte(0x7f), kind: SyntaxControlChar, char: 0x7f},
		{name: "ESC: comment", line: 11, text: `# the heading reads "KẾ HOẠCH" over "Cải thiện, nâng cao ... năm 2024"; the closing`, slip: insertByte(0x1b), kind: SyntaxControlChar, char: 0x1b},
		{name: "ESC: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: insertByte(0x1b), kind: SyntaxControlChar, char: 0x1b},
		{name: "ESC: a quoted lead", line: 101, text: `- "Giám đốc các Sở: Nội vụ, Kế hoạch và Đầu tư"`, slip: insertByte(0x1b), kind: SyntaxControlChar, char: 0x1b},
		{name: "ESC: list item", line: 1380, text: "- Chủ tịch UBND cấp xã", slip: insertByte(0x1b), kind: SyntaxControlChar, char: 0x1b},
		{name: "ESC: last name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: insertByte(0x1b), kind: SyntaxControlChar, char: 0x1b},

		// Values that need quotes.
		{name: "colon in value: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: colonInValue, kind: SyntaxColonInValue},
		{name: "colon in value: name", line: 201, text: "name: Xử lý kết quả theo dõi thi hành pháp luật", slip: colonInValue, kind: SyntaxColonInValue},
		{name: "quote in quotes: issuer", line: 15, text: "issuer: UBND tỉnh Đắk Nông", slip: quoteInQuotes, kind: SyntaxTextAfterValue, char: '"'},
		{name: "quote in quotes: name", line: 1680, text: "name: Tiếp cận dịch vụ", slip: quoteInQuotes, kind: SyntaxTextAfterValue, char: '"'},
		{name: "@ value", line: 201, text: "name: Xử lý kết quả theo dõi thi hành pháp luật", slip: atSign, kind: SyntaxReservedChar, char: '@'},

		// The other plans.
		{name: "gialai-2021: indent 2", file: "gialai-2021.yaml", line: 123, text: "deadline: Trong năm 2021", slip: indentBy(2), kind: SyntaxTooDeep},
		{name: "gialai-2021: outdent 2", file: "gialai-2021.yaml", line: 123, text: "deadline: Trong năm 2021", slip: outdentBy(2), kind: SyntaxOutdented},
		{name: "gialai-2021: first item deeper", file: "gialai-2021.yaml", line: 46, text: "- Quyết định hoặc Nghị quyết của Thường trực HĐND tỉnh; Quyết định của Chủ tịch UBND tỉnh về Danh mục văn bản quy định chi tiết Luật, Nghị quyết của Quốc hội; Pháp lệnh, Nghị quyết của Ủy ban thường vụ Quốc hội; Lệnh, Nghị quyết của Chủ tịch nước.", slip: indentBy(2), kind: SyntaxListItem},
		{name: "gialai-2023: outdent 4", file: "gialai-2023.yaml", line: 9, text: "id: gialai-2023", slip: indentBy(4), kind: SyntaxTooDeep},
		{name: "gialai-2023: no colon", file: "gialai-2023.yaml", line: 21, text: "signer: Trương Hải Long", slip: dropColon, kind: SyntaxMissingColon, key: "signer"},
		{name: "gialai-2023: open quote", file: "gialai-2023.yaml", line: 21, text: "signer: Trương Hải Long", slip: openQuote(`"`), kind: SyntaxUnclosedQuote, char: '"'},
		{name: "hagiang-2021: outdent 4", file: "hagiang-2021.yaml", line: 1089, text: "tasks:", slip: outdentBy(4), kind: SyntaxOutdented},
		{name: "hagiang-2021: tab", file: "hagiang-2021.yaml", line: 35, text: "target: 64.3", slip: tabIndent, kind: SyntaxTab},
		{name: "tuyenquang: open ' in a flow mapping", file: "tuyenquang-skh-2023.yaml", line: 28, text: "- {key: name, label: NỘI DUNG}", slip: openQuote("'"), kind: SyntaxUnclosedQuote, char: '\''},
		{name: "tuyenquang: item outdent 2", file: "tuyenquang-skh-2023.yaml", line: 38, text: "- Tờ trình", slip: indentBy(2), kind: SyntaxListItem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = daknong
			}
			data, col, want := slipped(t, file, tt.line, tt.text, tt.slip)
			line, msg := yamlSyntaxError(t, data)
			if tt.yamlSaid != "" && fmt.Sprint(line) != strings.Replace(tt.yamlSaid, "none", "0", 1) {
				t.Errorf("yaml.v3 now reports line %d, not %s: update the case", line, tt.yamlSaid)
			}
			got := locateSyntax(data, line, msg)
			if got.Line != tt.line || got.Col != col || got.Kind != tt.kind {
				t.Fatalf("got %d:%d %v, want %d:%d %v (yaml.v3: %d: %s)", got.Line, got.Col, got.Kind, tt.line, col, tt.kind, line, msg)
			}
			switch tt.kind {
			case SyntaxTooDeep, SyntaxOutdented, SyntaxListItem:
				if got.Got != col || got.Want != want {
					t.Errorf("got column %d wanting %d, want %d wanting %d", got.Got, got.Want, col, want)
				}
			case SyntaxUndefinedAlias:
				if got.Name != "nope" {
					t.Errorf("got alias %q, want nope", got.Name)
				}
			}
			if got.Char != tt.char || got.Key != tt.key {
				t.Errorf("got char %q key %q, want %q and %q", got.Char, got.Key, tt.char, tt.key)
			}
			if got.Message != msg {
				t.Errorf("got message %q, want yaml.v3's %q", got.Message, msg)
			}
		})
	}
}

// TestLocateSyntaxText covers YAML the plans do not use (block scalars,
// values spanning lines, flows, documents) and the fallback.
func TestLocateSyntaxText(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		line, col int
		kind      SyntaxKind
		want      int
	}{
		{name: "block scalar content is not structure", data: "a: |\n  x: 1\n    - y\nb: 2\n  c: 3\n", line: 5, col: 3, kind: SyntaxTooDeep, want: 1},
		{name: "folded scalar then a deeper key", data: "a:\n  b: >-\n    text\n\n    more\n   c: 1\n", line: 6, col: 4, kind: SyntaxTooDeep, want: 3},
		{name: "tab in a block scalar's indentation", data: "a: |\n  x\n\ty\nb: 1\n", line: 3, col: 1, kind: SyntaxTab},
		{name: "quoted text spanning lines", data: "a: \"x\n  y\"\nb: 1\n  c: 2\n", line: 4, col: 3, kind: SyntaxTooDeep, want: 1},
		{name: "quote open to the end", data: "a: 1\nb: 'x\n", line: 2, col: 4, kind: SyntaxUnclosedQuote},
		{name: "flow spanning lines", data: "a: [1,\n  2]\nb: 1\n c: 2\n", line: 4, col: 2, kind: SyntaxTooDeep, want: 1},
		{name: "flow open before a key", data: "a:\n  b: {x: 1\n  c: 2\n", line: 2, col: 6, kind: SyntaxUnclosedFlow},
		{name: "list at its key's column", data: "a:\n- 1\n- 2\nb: 3\n  c: 4\n", line: 5, col: 3, kind: SyntaxTooDeep, want: 1},
		{name: "list item on its key's line", data: "a: - 1\n", line: 1, col: 4, kind: SyntaxListItem},
		{name: "text after a flow", data: "a: [x, y]z\n", line: 1, col: 10, kind: SyntaxTextAfterValue},
		{name: "second document", data: "a: 1\n---\nb: 2\n  c: 3\n", line: 4, col: 3, kind: SyntaxTooDeep, want: 1},
		{name: "CRLF", data: "a:\r\n  b: 1\r\n c: 2\r\n", line: 3, col: 2, kind: SyntaxOutdented, want: 3},
		{name: "text opening the document", data: "abc\nplan:\n  id: x\n", line: 1, col: 1, kind: SyntaxMissingColon},
		{name: "undefined tag: fallback", data: "a: !<x y\nb: 1\n", line: 1, col: 1, kind: SyntaxUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			line, msg := yamlSyntaxError(t, data)
			got := locateSyntax(data, line, msg)
			if got.Line != tt.line || got.Col != tt.col || got.Kind != tt.kind || got.Want != tt.want {
				t.Errorf("got %d:%d %v wanting %d, want %d:%d %v wanting %d (yaml.v3: %d: %s)",
					got.Line, got.Col, got.Kind, got.Want, tt.line, tt.col, tt.kind, tt.want, line, msg)
			}
		})
	}
}

// TestLocateSyntaxPlansRead: the scanner reads every plan as yaml.v3
// does, without a break, so it names none on a file yaml.v3 reads.
func TestLocateSyntaxPlansRead(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "plans", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatal("no plans", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if a := scanIndentation(splitLines(data)); a != nil {
			t.Errorf("%s: the scanner finds line %d broken", f, a.line+1)
		}
	}
}

// TestLocateSyntaxFallback: without a break to find, the problem keeps
// yaml.v3's line, within the file.
func TestLocateSyntaxFallback(t *testing.T) {
	tests := []struct {
		name string
		data string
		line int
		want int
	}{
		{name: "no line", data: "a: 1\n", line: 0, want: 1},
		{name: "past the end", data: "a: 1\nb: 2\n\n", line: 9, want: 2},
		{name: "empty", data: "", line: 3, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := locateSyntax([]byte(tt.data), tt.line, "something odd")
			if got.Line != tt.want || got.Col != 1 || got.Kind != SyntaxUnknown || got.Message != "something odd" {
				t.Errorf("got %+v, want line %d col 1, unknown, with the message", got, tt.want)
			}
		})
	}
}

func FuzzLocateSyntax(f *testing.F) {
	for _, s := range []string{
		"a: 1\nb:\n  - x\n - y\n",
		"a: \"x\nb: 'y\n",
		"a: [1, {b: 2\n  c: |\n    d\n\te\n",
		"- - a: b: c\n  ? x\n  : y\n--- \n%YAML 1.2\n*a &b !t\n",
		"plan:\n  id: x\n\tyear: 2024\nappendices:\n  - id: a\n    items:\n      - code: \"1\"\n       name: n\n",
	} {
		f.Add([]byte(s), 0, "did not find expected key")
	}
	if src, err := os.ReadFile(filepath.Join("..", "..", "plans", "tuyenquang-skh-2023.yaml")); err == nil {
		f.Add(src, 40, "mapping values are not allowed in this context")
	}
	f.Fuzz(func(t *testing.T, data []byte, line int, msg string) {
		check := func(line int, msg string) {
			p := locateSyntax(data, line, msg)
			lines := bytes.Split(data, []byte("\n"))
			if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > utf8.RuneCount(lines[p.Line-1])+1 {
				t.Fatalf("position %d:%d outside the file (%d lines)", p.Line, p.Col, len(lines))
			}
		}
		check(line, msg)
		// And with what yaml.v3 says of the text, as the loader passes it.
		var doc yaml.Node
		err := func() (err error) {
			defer func() {
				if recover() != nil {
					err = nil
				}
			}()
			return yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
		}()
		if err != nil {
			check(yamlErrorLine(err, data))
		}
	})
}

func BenchmarkLocateSyntax(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "plans", daknong))
	if err != nil {
		b.Fatal(err)
	}
	// A 1 MB plan with a line pulled back near its end.
	lines := strings.Split(string(src), "\n")
	head, body := strings.Join(lines[:50], "\n")+"\n", strings.Join(lines[50:1517], "\n")+"\n"
	var sb strings.Builder
	sb.WriteString(head)
	for sb.Len() < 1<<20 {
		sb.WriteString(body)
	}
	all := strings.Split(sb.String(), "\n")
	n := len(all) - 100
	all[n] = strings.TrimPrefix(all[n], "  ")
	data := []byte(strings.Join(all, "\n"))
	var doc yaml.Node
	line, msg := yamlErrorLine(yaml.Unmarshal(data, &doc), data)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		locateSyntax(data, line, msg)
	}
}
