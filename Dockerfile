# The pysec Action image. Built by the runner from this file: the build stage
# uses the same scripts and packages as CI; the runtime stage holds only the
# binary, the shared libraries it links, and the CA bundle.
# Base images are pinned by digest; Dependabot (docker ecosystem) updates them.

FROM debian:bookworm@sha256:8a8cd02c5912770b4980228a54d4aff9e4f986f1eb2525d2d371dec5232cefcc AS build
COPY . /src
WORKDIR /src
RUN PYSEC_BUILD_TESTS=OFF scripts/build.sh \
 && strip build/pysec \
 && build/pysec --version
# Every shared library pysec loads, except the C and C++ runtimes the slim image has.
RUN mkdir -p /runtime/lib \
 && ldd build/pysec | awk '$3 ~ /^\// { print $3 }' \
    | grep -Ev '/(libc|libm|libstdc\+\+|libgcc_s)\.so' \
    | xargs -r cp -L -t /runtime/lib

FROM debian:bookworm-slim@sha256:7b140f374b289a7c2befc338f42ebe6441b7ea838a042bbd5acbfca6ec875818
COPY --from=build /runtime/lib/ /usr/local/lib/pysec/
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /src/build/pysec /usr/local/bin/pysec
RUN echo /usr/local/lib/pysec > /etc/ld.so.conf.d/pysec.conf && ldconfig && pysec --version
ENTRYPOINT ["/usr/local/bin/pysec", "action"]
