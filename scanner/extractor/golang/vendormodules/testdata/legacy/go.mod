module github.com/example/legacy

go 1.12

require (
	github.com/pkg/errors v0.8.1
	github.com/sirupsen/logrus v1.4.2
	golang.org/x/crypto v0.0.0-20190308221718-c2843e01d9a2 // indirect
)

replace golang.org/x/sys => golang.org/x/sys v0.0.0-20190422165155-953cdadca894
