module example.com/app

go 1.22

require github.com/acme/bar v1.2.0
