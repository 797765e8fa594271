package plan

import "gopkg.in/yaml.v3"

// FastParse is fastParse for the tests of package plan_test, which may
// import plantest (that imports plan).
var FastParse = fastParse

// SetFastYAML turns the loader's use of fastParse on or off.
func SetFastYAML(on bool) { useFastYAML = on }

// FastParseDeferred parses data as the loader does, its entries deferred,
// then puts each deferred entry back in its list by parsing it again.
func FastParseDeferred(data []byte) (*yaml.Node, bool) {
	doc, p, ok := fastParseDeferred(data, fastMaxDepth+1)
	if !ok {
		return nil, false
	}
	var expand func(n *yaml.Node) bool
	expand = func(n *yaml.Node) bool {
		l := p.deferredEntries(n)
		for i, c := range n.Content {
			if l != nil {
				if c, ok = p.reparse(l, i, c); !ok {
					return false
				}
				n.Content[i] = c
			}
			if !expand(c) {
				return false
			}
		}
		return true
	}
	return doc, expand(doc)
}

// SetReparseFails makes every deferred entry fail to parse again.
func SetReparseFails(on bool) { reparseFails = on }

// SetDeferAbove sets the size of file from which the loader defers
// entries, and returns the one before.
func SetDeferAbove(n int) int {
	old := deferAbove
	deferAbove = n
	return old
}
