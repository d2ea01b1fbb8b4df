package copyright

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// at is a statement on one line.
func at(line int, text, years string, holders ...string) Statement {
	return Statement{Text: text, Holders: holders, Years: years, StartLine: line, EndLine: line}
}

// span is a statement over several lines.
func span(start, end int, text, years string, holders ...string) Statement {
	return Statement{Text: text, Holders: holders, Years: years, StartLine: start, EndLine: end}
}

type findTest struct {
	name string
	in   string
	want []Statement
}

// findTests are statements as they are written in real files.
var findTests = []findTest{
	// The forms of the brief.
	{"c sign", "// Copyright (c) 2024 Example Co.\n",
		[]Statement{at(1, "Copyright (c) 2024 Example Co.", "2024", "Example Co.")}},
	{"go authors with all rights reserved", "// Copyright (C) 2009 The Go Authors. All rights reserved.\n",
		[]Statement{at(1, "Copyright (C) 2009 The Go Authors. All rights reserved.", "2009", "The Go Authors")}},
	{"copyright sign and e-mail", "# Copyright © 2019 Jane Doe <jane@example.com>\n",
		[]Statement{at(1, "Copyright © 2019 Jane Doe <jane@example.com>", "2019", "Jane Doe")}},
	{"bare c sign with year", "(c) 2006 Amazon Digital Services, Inc. or its affiliates.\n",
		[]Statement{at(1, "(c) 2006 Amazon Digital Services, Inc. or its affiliates.", "2006", "Amazon Digital Services, Inc. or its affiliates")}},
	{"kubernetes", "/*\nCopyright 2014 The Kubernetes Authors.\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\n*/\n",
		[]Statement{at(2, "Copyright 2014 The Kubernetes Authors.", "2014", "The Kubernetes Authors")}},
	{"upper case", "COPYRIGHT (C) 1996 X CONSORTIUM\n",
		[]Statement{at(1, "COPYRIGHT (C) 1996 X CONSORTIUM", "1996", "X CONSORTIUM")}},
	{"unicode inc", " * Copyright (c) 1991-2015 Unicode, Inc.\n",
		[]Statement{at(1, "Copyright (c) 1991-2015 Unicode, Inc.", "1991-2015", "Unicode, Inc.")}},
	{"google all rights reserved", "Copyright 2008 Google Inc. All Rights Reserved.\n",
		[]Statement{at(1, "Copyright 2008 Google Inc. All Rights Reserved.", "2008", "Google Inc.")}},
	{"portions", " * Portions Copyright (c) 1996-2010, The PostgreSQL Global Development Group\n",
		[]Statement{at(1, "Portions Copyright (c) 1996-2010, The PostgreSQL Global Development Group", "1996-2010", "The PostgreSQL Global Development Group")}},
	{"debian field", "Files: *\nCopyright: 2020 Foo\nLicense: MIT\n",
		[]Statement{at(2, "Copyright: 2020 Foo", "2020", "Foo")}},
	{"reuse tag", "# SPDX-FileCopyrightText: 2022 Jane Doe <jane@example.com>\n# SPDX-License-Identifier: MIT\n",
		[]Statement{at(1, "SPDX-FileCopyrightText: 2022 Jane Doe <jane@example.com>", "2022", "Jane Doe")}},
	{"reuse tag with copyright", "// SPDX-FileCopyrightText: Copyright 2015-2025 go-swagger maintainers\n",
		[]Statement{at(1, "SPDX-FileCopyrightText: Copyright 2015-2025 go-swagger maintainers", "2015-2025", "go-swagger maintainers")}},
	{"reuse tag without year", "SPDX-FileCopyrightText: The Foo Project contributors\n",
		[]Statement{at(1, "SPDX-FileCopyrightText: The Foo Project contributors", "", "The Foo Project contributors")}},
	{"doxygen", "/*!\n * \\copyright 2016 Doxygen User\n */\n",
		[]Statement{at(2, "copyright 2016 Doxygen User", "2016", "Doxygen User")}},
	{"rest field", ":copyright: (c) 2017 by Sphinx Team\n:license: BSD\n",
		[]Statement{at(1, "copyright: (c) 2017 by Sphinx Team", "2017", "Sphinx Team")}},
	{"mixed case", "// CopyRight (c) 2020 Some Company\n",
		[]Statement{at(1, "CopyRight (c) 2020 Some Company", "2020", "Some Company")}},
	{"docblock", "/**\n * @copyright 2018 Foo\n * @license MIT\n */\n",
		[]Statement{at(2, "copyright 2018 Foo", "2018", "Foo")}},
	{"html entity", "<footer><p>&copy; 2020 Foo</p></footer>\n",
		[]Statement{at(1, "© 2020 Foo", "2020", "Foo")}},
	{"html link", `<p>Copyright &copy; 2015-2020 <a href="https://example.com/">Example &amp; Sons</a>. All rights reserved.</p>`,
		[]Statement{at(1, "Copyright © 2015-2020 Example & Sons. All rights reserved.", "2015-2020", "Example & Sons")}},
	{"chinese", "版权所有 (C) 2020 华为技术有限公司\n",
		[]Statement{at(1, "版权所有 (C) 2020 华为技术有限公司", "2020", "华为技术有限公司")}},
	{"english with chinese holder", "Copyright (c) 2020 华为技术有限公司\n",
		[]Statement{at(1, "Copyright (c) 2020 华为技术有限公司", "2020", "华为技术有限公司")}},
	{"chinese all rights reserved", "版权所有 © 2021 某某公司，保留所有权利。\n",
		[]Statement{at(1, "版权所有 © 2021 某某公司，保留所有权利。", "2021", "某某公司")}},
	{"chinese holder first", "// 华为技术有限公司 2019 版权所有\n",
		[]Statement{at(1, "华为技术有限公司 2019 版权所有", "2019", "华为技术有限公司")}},
	{"chinese after english", "Copyright © Huawei Technologies Co., Ltd. 2020. 版权所有。\n",
		[]Statement{at(1, "Copyright © Huawei Technologies Co., Ltd. 2020. 版权所有。", "2020", "Huawei Technologies Co., Ltd.")}},
	{"traditional chinese", "版權所有 (C) 2018 某公司\n",
		[]Statement{at(1, "版權所有 (C) 2018 某公司", "2018", "某公司")}},
	{"full-width sign", "版权所有（C）2020 某某公司\n",
		[]Statement{at(1, "版权所有（C）2020 某某公司", "2020", "某某公司")}},
	{"chinese list of holders", "Copyright (C) 2020 华为、中兴\n",
		[]Statement{at(1, "Copyright (C) 2020 华为、中兴", "2020", "华为", "中兴")}},

	// Years.
	{"year list and ranges", "Copyright (c) 1998, 1999, 2000-2003 Foo\n",
		[]Statement{at(1, "Copyright (c) 1998, 1999, 2000-2003 Foo", "1998, 1999, 2000-2003", "Foo")}},
	{"range to present", "Copyright 2019 - present Foo Bar\n",
		[]Statement{at(1, "Copyright 2019 - present Foo Bar", "2019 - present", "Foo Bar")}},
	{"range to present no spaces", "Copyright © 2019-present Jane Doe\n",
		[]Statement{at(1, "Copyright © 2019-present Jane Doe", "2019-present", "Jane Doe")}},
	{"two-digit range end", "Copyright (C) 1998-99 Foo Corp.\n",
		[]Statement{at(1, "Copyright (C) 1998-99 Foo Corp.", "1998-99", "Foo Corp.")}},
	{"tex range", "Copyright (C) 1985--1987, 1993--2019 Free Software Foundation, Inc.\n",
		[]Statement{at(1, "Copyright (C) 1985--1987, 1993--2019 Free Software Foundation, Inc.", "1985--1987, 1993--2019", "Free Software Foundation, Inc.")}},
	{"and later", "Copyright (c) 2019+ Klaus Post. All rights reserved.\n",
		[]Statement{at(1, "Copyright (c) 2019+ Klaus Post. All rights reserved.", "2019+", "Klaus Post")}},
	{"list with and", "Copyright (C) 1995, 1996, 1997, and 1998 WIDE Project.\n",
		[]Statement{at(1, "Copyright (C) 1995, 1996, 1997, and 1998 WIDE Project.", "1995, 1996, 1997, and 1998", "WIDE Project")}},
	{"list without commas", "Copyright 1999 2002-2008 LaTeX3 Project\n",
		[]Statement{at(1, "Copyright 1999 2002-2008 LaTeX3 Project", "1999 2002-2008", "LaTeX3 Project")}},
	{"years after holder", "(C) Copyright IBM Corp. 2017, 2018. All Rights Reserved.\n",
		[]Statement{at(1, "(C) Copyright IBM Corp. 2017, 2018. All Rights Reserved.", "2017, 2018", "IBM Corp.")}},
	{"years after holder with comma", "Copyright Kevlin Henney, 1997, 2003, 2012. All rights reserved.\n",
		[]Statement{at(1, "Copyright Kevlin Henney, 1997, 2003, 2012. All rights reserved.", "1997, 2003, 2012", "Kevlin Henney")}},
	{"sign after years", "Copyright 2002 (C) The Codehaus. All Rights Reserved.\n",
		[]Statement{at(1, "Copyright 2002 (C) The Codehaus. All Rights Reserved.", "2002", "The Codehaus")}},
	{"sign stuck to year", " * Copyright (C)2004 USAGI/WIDE Project\n",
		[]Statement{at(1, "Copyright (C)2004 USAGI/WIDE Project", "2004", "USAGI/WIDE Project")}},
	{"years only", "Copyright (c) 1993-2019\n",
		[]Statement{at(1, "Copyright (c) 1993-2019", "1993-2019")}},
	{"by", "Copyright (c) 1995-2003 by Internet Software Consortium\n",
		[]Statement{at(1, "Copyright (c) 1995-2003 by Internet Software Consortium", "1995-2003", "Internet Software Consortium")}},

	// Holders.
	{"no year", "Copyright (c) Microsoft Corporation. All rights reserved.\n",
		[]Statement{at(1, "Copyright (c) Microsoft Corporation. All rights reserved.", "", "Microsoft Corporation")}},
	{"no year no sign", "// Copyright The containerd Authors.\n",
		[]Statement{at(1, "Copyright The containerd Authors.", "", "The containerd Authors")}},
	{"and contributors", "# Copyright 2019-2024 Example Co. and contributors\n",
		[]Statement{at(1, "Copyright 2019-2024 Example Co. and contributors", "2019-2024", "Example Co. and contributors")}},
	{"list of persons", " * Copyright (c) 2015 Alice Smith, Bob Jones and Carol White\n",
		[]Statement{at(1, "Copyright (c) 2015 Alice Smith, Bob Jones and Carol White", "2015", "Alice Smith", "Bob Jones", "Carol White")}},
	{"single names", "Copyright 2020 Alice, Bob\n",
		[]Statement{at(1, "Copyright 2020 Alice, Bob", "2020", "Alice", "Bob")}},
	{"two full names", "Copyright (c) 2020 Alice Smith and Bob Jones\n",
		[]Statement{at(1, "Copyright (c) 2020 Alice Smith and Bob Jones", "2020", "Alice Smith", "Bob Jones")}},
	{"company with and", "Copyright 2020 Barnes and Noble\n",
		[]Statement{at(1, "Copyright 2020 Barnes and Noble", "2020", "Barnes and Noble")}},
	{"name and place", "Copyright (c) 1991 Tatu Ylonen, Espoo, Finland\n",
		[]Statement{at(1, "Copyright (c) 1991 Tatu Ylonen, Espoo, Finland", "1991", "Tatu Ylonen, Espoo, Finland")}},
	{"persons with addresses", "Copyright (C) 2020 Alice <alice@example.org>, Bob <bob@example.org>\n",
		[]Statement{at(1, "Copyright (C) 2020 Alice <alice@example.org>, Bob <bob@example.org>", "2020", "Alice", "Bob")}},
	{"semicolon separates holders", "Copyright 2020 Foo; 2021 Bar Ltd\n",
		[]Statement{at(1, "Copyright 2020 Foo; 2021 Bar Ltd", "2020", "Foo", "Bar Ltd")}},
	{"address only", "Copyright (c) 2014 <jane@example.com>\n",
		[]Statement{at(1, "Copyright (c) 2014 <jane@example.com>", "2014", "jane@example.com")}},
	{"url dropped", "Copyright (c) 2001-2005 The OSSP Project <http://www.ossp.org/>\n",
		[]Statement{at(1, "Copyright (c) 2001-2005 The OSSP Project <http://www.ossp.org/>", "2001-2005", "The OSSP Project")}},
	{"address in parentheses", "Copyright (C) 1995-1998 Eric Young (eay@cryptsoft.com) All rights reserved.\n",
		[]Statement{at(1, "Copyright (C) 1995-1998 Eric Young (eay@cryptsoft.com) All rights reserved.", "1995-1998", "Eric Young")}},
	{"obfuscated address", "Copyright (C) 2018 J. Alexander Branham (alex DOT branham AT gmail DOT com)\n",
		[]Statement{at(1, "Copyright (C) 2018 J. Alexander Branham (alex DOT branham AT gmail DOT com)", "2018", "J. Alexander Branham")}},
	{"llc without period", "Copyright 2019 Waymo LLC. All rights reserved.\n",
		[]Statement{at(1, "Copyright 2019 Waymo LLC. All rights reserved.", "2019", "Waymo LLC")}},
	{"initials", "Copyright (C) 2001-2004 Robert A. van Engelen, Genivia inc. All Rights Reserved.\n",
		[]Statement{at(1, "Copyright (C) 2001-2004 Robert A. van Engelen, Genivia inc. All Rights Reserved.", "2001-2004", "Robert A. van Engelen, Genivia inc.")}},
	{"licence after holder", "Copyright 2014 The Kubernetes Authors. Licensed under the Apache License.\n",
		[]Statement{at(1, "Copyright 2014 The Kubernetes Authors.", "2014", "The Kubernetes Authors")}},
	{"licence after semicolon", "/*! Copyright (c) 2019 Bryan Braun; Licensed MIT */\n",
		[]Statement{at(1, "Copyright (c) 2019 Bryan Braun", "2019", "Bryan Braun")}},
	{"prose after comma", "Copyright (c) 1996-1997 Andreas Dilger, are derived from libpng-0.88\n",
		[]Statement{at(1, "Copyright (c) 1996-1997 Andreas Dilger", "1996-1997", "Andreas Dilger")}},
	{"month before year", "(c) Jim Davies, January 1995\n",
		[]Statement{at(1, "(c) Jim Davies, January 1995", "1995", "Jim Davies")}},
	{"mid-sentence with verb", "The CERN-OHL-P is copyright CERN 2020. Anyone is welcome to use it.\n",
		[]Statement{at(1, "copyright CERN 2020.", "2020", "CERN")}},
	{"ascii sign and word", "(c) Copyright 2000, 2001 Hewlett-Packard Development Company, L.P.\n",
		[]Statement{at(1, "(c) Copyright 2000, 2001 Hewlett-Packard Development Company, L.P.", "2000, 2001", "Hewlett-Packard Development Company, L.P.")}},
	{"markdown", "MIT Copyright (c) 2020-2025 **blacktop**\n",
		[]Statement{at(1, "Copyright (c) 2020-2025 blacktop", "2020-2025", "blacktop")}},
	{"markdown link", "Copyright (c) 2021 [Jane Doe](https://example.com/jane)\n",
		[]Statement{at(1, "Copyright (c) 2021 Jane Doe", "2021", "Jane Doe")}},

	// Comment styles.
	{"slashes", "// Copyright 2020 Go Person\npackage x\n", []Statement{at(1, "Copyright 2020 Go Person", "2020", "Go Person")}},
	{"hash", "#!/bin/sh\n# Copyright 2020 Shell Person\n", []Statement{at(2, "Copyright 2020 Shell Person", "2020", "Shell Person")}},
	{"block comment", "/*\n * Copyright (c) 2020 C Person\n */\n", []Statement{at(2, "Copyright (c) 2020 C Person", "2020", "C Person")}},
	{"one-line block comment", "/* Copyright (c) 2020 C Person */ int x;\n", []Statement{at(1, "Copyright (c) 2020 C Person", "2020", "C Person")}},
	{"double dash", "-- Copyright 2020 The Lua Authors\n", []Statement{at(1, "Copyright 2020 The Lua Authors", "2020", "The Lua Authors")}},
	{"semicolons", ";;; Copyright (C) 2020 Lisp Hacker\n", []Statement{at(1, "Copyright (C) 2020 Lisp Hacker", "2020", "Lisp Hacker")}},
	{"html comment", "<!-- Copyright 2020 Example Org -->\n", []Statement{at(1, "Copyright 2020 Example Org", "2020", "Example Org")}},
	{"docstring", "\"\"\"Copyright 2020 Python Person\"\"\"\n", []Statement{at(1, "Copyright 2020 Python Person", "2020", "Python Person")}},
	{"rem", "REM Copyright 2020 Batch Corp\n@REM Copyright (c) 2021 Batch Corp Two\n",
		[]Statement{at(1, "Copyright 2020 Batch Corp", "2020", "Batch Corp"), at(2, "Copyright (c) 2021 Batch Corp Two", "2021", "Batch Corp Two")}},
	{"percent", "%% Copyright 2020 TeX User\n", []Statement{at(1, "Copyright 2020 TeX User", "2020", "TeX User")}},
	{"troff", `.\" Copyright (c) 1990 The Regents of the University of California.` + "\n",
		[]Statement{at(1, "Copyright (c) 1990 The Regents of the University of California.", "1990", "The Regents of the University of California")}},
	{"haskell and ocaml", "{- Copyright 2021 Haskell Folk -}\n(* Copyright 2021 OCaml Folk *)\n",
		[]Statement{at(1, "Copyright 2021 Haskell Folk", "2021", "Haskell Folk"), at(2, "Copyright 2021 OCaml Folk", "2021", "OCaml Folk")}},
	{"decorated box", "/*****************************************\n * Copyright (c) 2010 Boxed Inc.        *\n *****************************************/\n",
		[]Statement{at(2, "Copyright (c) 2010 Boxed Inc.", "2010", "Boxed Inc.")}},
	{"string literal", "const banner = \"Copyright (c) 2020 Go Gopher\"\n",
		[]Statement{at(1, "Copyright (c) 2020 Go Gopher", "2020", "Go Gopher")}},
	{"assembly attribute", "[assembly: AssemblyCopyright(\"Copyright © Microsoft Corporation 2019\")]\n",
		[]Statement{at(1, "Copyright © Microsoft Corporation 2019", "2019", "Microsoft Corporation")}},
	{"string with escaped newline", `ver: "GNU nm (GNU Binutils) 2.34\nCopyright (C) 2020 Free Software Foundation, Inc.",` + "\n",
		[]Statement{at(1, "Copyright (C) 2020 Free Software Foundation, Inc.", "2020", "Free Software Foundation, Inc.")}},
	{"quoted field value", "copyright: \"Becker Software LTDA\"\n",
		[]Statement{at(1, "copyright: \"Becker Software LTDA", "", "Becker Software LTDA")}},

	// Several lines.
	{"holder continues", "/* Copyright (c) 2015, 2016 Some Very Long Company Name\n * and Its Subsidiaries */\n",
		[]Statement{span(1, 2, "Copyright (c) 2015, 2016 Some Very Long Company Name and Its Subsidiaries", "2015, 2016", "Some Very Long Company Name and Its Subsidiaries")}},
	{"holder on the next line", "Copyright (c)\n    The Foo Project Authors\n",
		[]Statement{span(1, 2, "Copyright (c) The Foo Project Authors", "", "The Foo Project Authors")}},
	{"company suffix on the next line", "Copyright (c) 2010 Example Software\n   GmbH & Co. KG\n",
		[]Statement{span(1, 2, "Copyright (c) 2010 Example Software GmbH & Co. KG", "2010", "Example Software GmbH & Co. KG")}},
	{"of on the next line", "Copyright 2023 Standards of Fundamental Astronomy Board\nof the International Astronomical Union.\n",
		[]Statement{span(1, 2, "Copyright 2023 Standards of Fundamental Astronomy Board of the International Astronomical Union.", "2023", "Standards of Fundamental Astronomy Board of the International Astronomical Union")}},
	{"years go on", "# Copyright (c) 1998, 1999, 2000,\n#   2001 Foo Corp\n",
		[]Statement{span(1, 2, "Copyright (c) 1998, 1999, 2000, 2001 Foo Corp", "1998, 1999, 2000, 2001", "Foo Corp")}},
	{"or its affiliates wrapped", "(c) 2006 Amazon Digital Services, Inc. or its\naffiliates.\n",
		[]Statement{span(1, 2, "(c) 2006 Amazon Digital Services, Inc. or its affiliates.", "2006", "Amazon Digital Services, Inc. or its affiliates")}},
	{"wrapped before all rights reserved", "Copyright (c) 2012 Péter Surányi. Portions Copyright (c) 2009 The Go\nAuthors. All rights reserved.\n",
		[]Statement{
			at(1, "Copyright (c) 2012 Péter Surányi.", "2012", "Péter Surányi"),
			span(1, 2, "Portions Copyright (c) 2009 The Go Authors. All rights reserved.", "2009", "The Go Authors"),
		}},
	{"all rights reserved below", " * Copyright (c) 2001 Foo Corp\n * All rights reserved.\n *\n",
		[]Statement{span(1, 2, "Copyright (c) 2001 Foo Corp All rights reserved.", "2001", "Foo Corp")}},
	{"all rights wrapped", "Copyright (c) 1990-1999 Sleepycat Software. All rights\nreserved.\n",
		[]Statement{span(1, 2, "Copyright (c) 1990-1999 Sleepycat Software. All rights reserved.", "1990-1999", "Sleepycat Software")}},
	{"address not joined", "Copyright (C) 1989, 1991 Free Software Foundation, Inc.,\n51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA\n",
		[]Statement{at(1, "Copyright (C) 1989, 1991 Free Software Foundation, Inc.", "1989, 1991", "Free Software Foundation, Inc.")}},
	{"description not joined", "// Copyright 2020 Foo Bar\n// Package baz does things.\n",
		[]Statement{at(1, "Copyright 2020 Foo Bar", "2020", "Foo Bar")}},
	{"several in a row", "// Copyright 2018 Alice Smith\n// Copyright 2019 Bob Jones\n// Copyright 2020 Example Inc.\n",
		[]Statement{
			at(1, "Copyright 2018 Alice Smith", "2018", "Alice Smith"),
			at(2, "Copyright 2019 Bob Jones", "2019", "Bob Jones"),
			at(3, "Copyright 2020 Example Inc.", "2020", "Example Inc."),
		}},
	{"two on one line", "Copyright 2020 Foo, Copyright 2021 Bar\n",
		[]Statement{at(1, "Copyright 2020 Foo", "2020", "Foo"), at(1, "Copyright 2021 Bar", "2021", "Bar")}},
	{"gnu aligned list", "Copyright (C) 1999-2005 Free Software Foundation\n              2006 Jane Doe\n",
		[]Statement{at(1, "Copyright (C) 1999-2005 Free Software Foundation", "1999-2005", "Free Software Foundation"), at(2, "2006 Jane Doe", "2006", "Jane Doe")}},
	{"debian list", "Files: *\nCopyright: 2008-2012 Foo Bar <foo@bar.org>\n           2010, 2011 Baz Qux <baz@example.org>\nLicense: MIT\n",
		[]Statement{
			at(2, "Copyright: 2008-2012 Foo Bar <foo@bar.org>", "2008-2012", "Foo Bar"),
			at(3, "2010, 2011 Baz Qux <baz@example.org>", "2010, 2011", "Baz Qux"),
		}},
	{"duplicates reported once", "// Copyright 2020 Foo\nx\n// Copyright 2020 Foo\n// Copyright 2021 Foo\n",
		[]Statement{at(1, "Copyright 2020 Foo", "2020", "Foo"), at(4, "Copyright 2021 Foo", "2021", "Foo")}},

	// Line endings and encodings.
	{"crlf", "line one\r\nline two\r\n// Copyright 2020 Windows Person\r\n\r\n",
		[]Statement{at(3, "Copyright 2020 Windows Person", "2020", "Windows Person")}},
	{"crlf continuation", "/* Copyright (c) 2015 Long Company Name\r\n * and Its Subsidiaries */\r\n",
		[]Statement{span(1, 2, "Copyright (c) 2015 Long Company Name and Its Subsidiaries", "2015", "Long Company Name and Its Subsidiaries")}},
	{"no final newline", "x\ny\nCopyright 2020 Last Line", []Statement{at(3, "Copyright 2020 Last Line", "2020", "Last Line")}},
	{"invalid utf-8", "Copyright 2020 Caf\xe9 Owner\n",
		[]Statement{at(1, "Copyright 2020 Caf\uFFFD Owner", "2020", "Caf\uFFFD Owner")}},
	{"tabs and nbsp", "#\tCopyright\u00a0(c)\t2020\t\tTab  Person\n",
		[]Statement{at(1, "Copyright (c) 2020 Tab Person", "2020", "Tab Person")}},
}

// notStatements are texts that mention copyright without making a
// statement, and templates.
var notStatements = []findTest{
	{"mit notice", "The above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n", nil},
	{"bsd disclaimer", "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"\n", nil},
	{"liability", "IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE\n", nil},
	{"copyright law", "This software is protected by copyright law and international treaties.\n", nil},
	{"copyright owner", "\"Licensor\" shall mean the copyright owner or entity authorized by the copyright owner\n", nil},
	{"copyright holder", "3. Neither the name of the copyright holder nor the names of its contributors\n", nil},
	{"heading", "## Copyright\n\nSee LICENSE.\n", nil},
	{"heading and license", "Copyright and License\n", nil},
	{"heading above prose", "Copyright\nFoo Bar is licensed under the MIT license.\n", nil},
	{"copyright notice heading", "COPYRIGHT NOTIFICATION\n", nil},
	{"go code", "copyright := \"x\"\n", nil},
	{"json field", "{\n  \"copyright\": \"MIT\",\n  \"name\": \"x\"\n}\n", nil},
	{"identifier", "var copyrightYear = 2020\nfunc CopyrightHolder() string\n", nil},
	{"xml element", "<copyright/>\n", nil},
	{"format string", "fmt.Sprintf(\"Copyright %d %s\", year, name)\n", nil},
	{"clause letter", "(c) You must retain, in the Source form of any Derivative Works\n", nil},
	{"call", "putc(c); if (c) return (c);\n", nil},
	{"prose with list", "COPYRIGHT, PATENT, TRADEMARK, OR OTHER RIGHT.\n", nil},
	{"cc0", "Copyright and Related Rights (defined below) upon the creator\n", nil},
	{"apache grant", "2. Grant of Copyright License. Subject to the terms and conditions of\n", nil},
	{"gpl interest", "a \"copyright disclaimer\" for the program, if necessary.\n", nil},
	{"treaty with year", "the WIPO Copyright Treaty adopted on 20 December 1996\n", nil},
	{"chinese owner", "在任何情况下，“贡献者”或版权所有者不对任何人因使用“软件”而引发的任何损失承担责任\n", nil},
	{"mit template", "Copyright (c) <year> <copyright holders>\n", nil},
	{"gpl template", "    Copyright (C) <year>  <name of author>\n", nil},
	{"old gpl template", "Copyright (C) 19yy <name of author>\n", nil},
	{"apache template", "   Copyright [yyyy] [name of copyright owner]\n", nil},
	{"mulan template", "Copyright (c) [Year] [name of copyright holder]\n", nil},
	{"mustache template", "Copyright (c) {{ year }} {{ author }}\n", nil},
	{"shell template", "Copyright (c) ${year} ${owner}\n", nil},
	{"fsl template", "Copyright ${year} ${licensor name}\n", nil},
	{"placeholder holder", "Copyright 2020 <Your Name>\n", nil},
	{"blank holder", "are Copyright (C) _____ . All Rights Reserved.\n", nil},
	{"parenthesised template", "Copyright (c) (CopyrightHoldersName) (From 4-digit-year)-(To 4-digit-year)\n", nil},
	{"german template", "Copyright (C) 20[jj] [Name des Rechtsinhabers].\n", nil},
	{"sign stuck to noise", "\x00\x01©ԆFRPdHYBOmnOpwmUEKdFNuAdYQSE7wanoQEB0LPbmbmqxcVxJZbzYhMN\n", nil},
	{"empty", "", nil},
	{"no marker", "package main\n\nfunc main() {}\n", nil},
}

func TestFind(t *testing.T) {
	for _, tt := range append(findTests, notStatements...) {
		t.Run(tt.name, func(t *testing.T) {
			got := Find([]byte(tt.in))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestFindCount keeps the table as large as the brief asks.
func TestFindCount(t *testing.T) {
	if len(findTests) < 60 {
		t.Errorf("%d statement cases, want at least 60", len(findTests))
	}
	if len(notStatements) < 20 {
		t.Errorf("%d non-statement cases, want at least 20", len(notStatements))
	}
}

// TestFindInvariants checks what must hold of every result, on the table's
// inputs and on their CRLF forms: lines in range, Text valid UTF-8 and
// without the comment markers, and the same statements with either line
// ending.
func TestFindInvariants(t *testing.T) {
	for _, tt := range append(findTests, notStatements...) {
		lf := Find([]byte(tt.in))
		crlf := Find([]byte(strings.ReplaceAll(tt.in, "\n", "\r\n")))
		if diff := cmp.Diff(lf, crlf, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: LF and CRLF differ (-lf +crlf):\n%s", tt.name, diff)
		}
		checkInvariants(t, []byte(tt.in), lf)
	}
}

// checkInvariants fails t if the statements found in text break a promise
// of Find.
func checkInvariants(t *testing.T, text []byte, got []Statement) {
	t.Helper()
	lines := strings.Count(string(text), "\n") + 1
	seen := map[string]bool{}
	prev := 0
	for _, s := range got {
		if s.Text == "" || !utf8.ValidString(s.Text) {
			t.Errorf("bad Text %q in %q", s.Text, text)
		}
		if s.StartLine < 1 || s.StartLine > s.EndLine || s.EndLine > lines {
			t.Errorf("lines %d-%d out of 1-%d for %q", s.StartLine, s.EndLine, lines, s.Text)
		}
		if s.StartLine < prev {
			t.Errorf("%q at line %d comes after line %d", s.Text, s.StartLine, prev)
		}
		prev = s.StartLine
		if seen[s.Text] {
			t.Errorf("duplicate %q", s.Text)
		}
		seen[s.Text] = true
		if strings.TrimSpace(s.Text) != s.Text || strings.Contains(s.Text, "  ") {
			t.Errorf("Text %q not normalised", s.Text)
		}
		for _, h := range s.Holders {
			if h == "" || !utf8.ValidString(h) {
				t.Errorf("bad holder %q of %q", h, s.Text)
			}
		}
		if !utf8.ValidString(s.Years) {
			t.Errorf("bad years %q", s.Years)
		}
	}
}
