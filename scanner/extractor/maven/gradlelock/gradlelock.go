// Package gradlelock extracts the Maven packages that Gradle's dependency
// locking pins (https://docs.gradle.org/current/userguide/dependency_locking.html).
//
// Gradle 6 and later write one lockfile per project, gradle.lockfile,
// beside the build script: a header of "#" comments, then one line per
// resolved module,
//
//	com.google.guava:guava:33.2.1-jre=compileClasspath,runtimeClasspath
//
// naming the locked configurations that resolve it, and a last line
// "empty=..." listing the locked configurations that resolve nothing.
// The build script's own classpath is locked in
// buildscript-gradle.lockfile and the settings script's in
// settings-gradle.lockfile, in the same format. Gradle 4.8 to 5 wrote
// one file per configuration instead, gradle/dependency-locks/<name>.lockfile
// (buildscript-<name>.lockfile for the build script's), with lines
// "group:artifact:version"; Gradle 6 and 7 still read them. All of these
// are read. A file Gradle was told to write elsewhere (lockFile = ...)
// is not recognised.
//
// Every line is a package, named "groupId:artifactId" (the purl has
// groupId as its namespace), with its exact version. A lockfile lists
// everything a configuration resolves, direct and transitive alike, and
// does not say which is which: the relationship is unknown (""), and
// there are no dependency edges. The configurations are kept, as written
// and comma-separated, as the property "configurations"; those of the
// build and settings scripts' lockfiles are prefixed "buildscript-" and
// "settings-", as Gradle names the per-configuration files of the
// build script's.
//
// The scope comes from the configurations, the one that needs the
// package most winning:
//
//   - required: compileClasspath, runtimeClasspath and their variants
//     (releaseRuntimeClasspath, productionRuntimeClasspath: names ending
//     in CompileClasspath or RuntimeClasspath), and the old compile,
//     runtime and default. A library that is only on compileClasspath
//     (compileOnly) is counted as required too: a lockfile cannot tell
//     it from the API that the runtime classpath also needs.
//   - unknown (""): a configuration heng does not know, which might be
//     shipped, wins over the two below.
//   - dev: build tools: the build and settings scripts' classpaths,
//     annotation processors (annotationProcessor, kapt, ksp), Kotlin
//     compiler classpaths, code-quality and coverage tools (checkstyle,
//     pmd, spotbugs, jacoco, detekt, ktlint, errorprone, lint, codenarc),
//     dokka, antlr, and Spring Boot's developmentOnly.
//   - test: configurations whose name starts with "test" or has "Test"
//     in it (testRuntimeClasspath, integrationTestCompileClasspath,
//     debugAndroidTestRuntimeClasspath, testFixturesRuntimeClasspath).
//
// A line that is not "group:artifact:version[=configurations]" is
// reported in the error, and the other lines are still read.
package gradlelock

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hengdev/heng/scanner/extractor"
	"github.com/hengdev/heng/scanner/inventory"
)

// Name is the extractor's name.
const Name = "maven/gradlelock"

// maxLine bounds a lockfile line; real ones are a few hundred bytes.
const maxLine = 1 << 20

// Extractor reads Gradle dependency lockfiles.
type Extractor struct{}

var _ extractor.Extractor = Extractor{}

// Name returns "maven/gradlelock".
func (Extractor) Name() string { return Name }

// Version is bumped when the same input yields different output.
func (Extractor) Version() int { return 1 }

// Match accepts gradle.lockfile, buildscript-gradle.lockfile,
// settings-gradle.lockfile and gradle/dependency-locks/*.lockfile.
func (Extractor) Match(f extractor.File) bool {
	_, ok := kindOf(f.Path)
	return ok
}

// Extract reads a lockfile.
func (Extractor) Extract(ctx context.Context, in *extractor.Input) ([]inventory.Package, error) {
	k, _ := kindOf(in.Path)
	pkgs, err := parse(in.Reader, k)
	if err != nil {
		return pkgs, fmt.Errorf("parse %q: %w", in.Path, err)
	}
	return pkgs, nil
}

// kind says how to read a lockfile.
type kind struct {
	// conf is the configuration of a per-configuration lockfile
	// (Gradle 4.8 to 5), whose lines do not name it; "" otherwise.
	conf string
	// prefix is put before each configuration name: "buildscript-" or
	// "settings-" for the build and settings scripts' lockfiles.
	prefix string
}

// kindOf tells whether the file at p is a lockfile, and which kind.
func kindOf(p string) (kind, bool) {
	base := extractor.Base(p)
	switch base {
	case "gradle.lockfile":
		return kind{}, true
	case "buildscript-gradle.lockfile":
		return kind{prefix: "buildscript-"}, true
	case "settings-gradle.lockfile":
		return kind{prefix: "settings-"}, true
	}
	dir := strings.TrimSuffix(p, base)
	conf, ok := strings.CutSuffix(base, ".lockfile")
	if !ok || conf == "" || (dir != "gradle/dependency-locks/" && !strings.HasSuffix(dir, "/gradle/dependency-locks/")) {
		return kind{}, false
	}
	return kind{conf: conf}, true
}

// parse reads the lines of a lockfile of kind k. It returns the packages
// of the good lines, and an error naming the bad ones.
func parse(r io.Reader, k kind) ([]inventory.Package, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var (
		out  []inventory.Package
		errs []error
		line int
	)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "empty=") {
			continue
		}
		p, err := entry(text, k)
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", line, err))
			continue
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("line %d: %w", line+1, err))
	}
	return out, errors.Join(errs...)
}

// entry reads one "group:artifact:version=conf,conf" line.
func entry(text string, k kind) (inventory.Package, error) {
	coords, confList, hasConfs := strings.Cut(text, "=")
	group, rest, _ := strings.Cut(coords, ":")
	artifact, version, _ := strings.Cut(rest, ":")
	group, artifact, version = strings.TrimSpace(group), strings.TrimSpace(artifact), strings.TrimSpace(version)
	if !valid(group) || !valid(artifact) || !valid(version) || strings.Contains(version, ":") {
		return inventory.Package{}, fmt.Errorf("%q is not group:artifact:version", coords)
	}
	confs := confList
	if !hasConfs {
		confs = k.conf
	} else if k.prefix != "" || strings.Contains(confs, " ") || strings.Contains(confs, ",,") ||
		strings.HasPrefix(confs, ",") || strings.HasSuffix(confs, ",") {
		// Not as Gradle writes it: rebuild the list.
		var b strings.Builder
		for c := range strings.SplitSeq(confList, ",") {
			if c = strings.TrimSpace(c); c != "" {
				if b.Len() > 0 {
					b.WriteByte(',')
				}
				b.WriteString(k.prefix + c)
			}
		}
		confs = b.String()
	}
	p := inventory.Package{
		Name:      group + ":" + artifact,
		Version:   version,
		Ecosystem: inventory.EcosystemMaven,
		PURL:      extractor.PURL("maven", group, artifact, version),
		Scope:     scopeOf(confs, k.prefix != ""),
	}
	if confs != "" {
		p.Properties = []inventory.Property{{Name: "configurations", Value: confs}}
	}
	return p, nil
}

// valid reports whether s can be part of a module's coordinates: not
// empty, UTF-8, without spaces or control characters.
func valid(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// Ranks of scopes, from the least needed: the scope of a package is the
// highest of its configurations'. An unknown configuration might be
// shipped: it ranks above the build and test ones.
var rank = map[string]int{
	inventory.ScopeTest:     1,
	inventory.ScopeDev:      2,
	"":                      3,
	inventory.ScopeRequired: 4,
}

// scopeOf is the scope of a package locked in confs (comma-separated);
// build is true for the build and settings scripts' lockfiles.
func scopeOf(confs string, build bool) string {
	if build {
		return inventory.ScopeDev
	}
	if confs == "" {
		return ""
	}
	scope := inventory.ScopeTest
	for c := range strings.SplitSeq(confs, ",") {
		if s := confScope(c); rank[s] > rank[scope] {
			scope = s
		}
	}
	return scope
}

// toolPrefixes start the names of configurations that hold build tools.
var toolPrefixes = []string{
	"buildscript-", "settings-",
	"annotationProcessor", "kapt", "ksp",
	"kotlinCompiler", "kotlinNativeCompiler", "kotlinKlibCommonizer", "kotlinScriptDef", "kotlinBuildToolsApi",
	"checkstyle", "pmd", "spotbugs", "jacoco", "detekt", "ktlint", "errorprone", "lint", "codenarc",
	"dokka", "antlr", "developmentOnly",
}

// confScope is the scope of one configuration: see the package comment.
func confScope(c string) string {
	switch {
	case strings.HasPrefix(c, "test") || strings.Contains(c, "Test"):
		return inventory.ScopeTest
	case c == "compileClasspath" || c == "runtimeClasspath" || c == "compile" || c == "runtime" || c == "default",
		strings.HasSuffix(c, "CompileClasspath") || strings.HasSuffix(c, "RuntimeClasspath"):
		return inventory.ScopeRequired
	case c == "classpath" || strings.HasSuffix(c, "AnnotationProcessor"):
		return inventory.ScopeDev
	}
	for _, p := range toolPrefixes {
		if strings.HasPrefix(c, p) {
			return inventory.ScopeDev
		}
	}
	return ""
}
