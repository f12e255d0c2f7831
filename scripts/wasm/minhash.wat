;; MinHash signatures with 128-bit SIMD: minHashScalar of lib/event-hashing.ts, eight hash functions per pass over
;; the set, as two vectors of four lanes. i32x4.mul and i32x4.min_u are the 32-bit Math.imul and the unsigned least
;; value, so the signature is the same bit for bit. Assembled by `node scripts/wasm/wat.mjs scripts/wasm/minhash.wat`
;; (wabt); MINHASH_WASM in lib/event-hashing.ts holds what it prints, and test/events-minhash.test.ts checks both.
;;
;; Memory per call (laid out by minHashSimd): the seeds at $seeds, the signature at $out, the set at $set.
;; $hashes must be a multiple of 8.
(module
  (memory (export "m") 1)
  (func (export "h") (param $set i32) (param $n i32) (param $seeds i32) (param $hashes i32) (param $out i32)
    ;; byte offsets: $k walks the seeds and the signature 32 bytes (8 functions) at a time, $x the set 4 at a time
    (local $k i32) (local $x i32) (local $end i32)
    (local $sa v128) (local $sb v128) (local $ma v128) (local $mb v128) (local $e v128) (local $v v128)
    (local.set $end (i32.add (i32.shl (local.get $n) (i32.const 2)) (local.get $set)))
    (local.set $hashes (i32.shl (local.get $hashes) (i32.const 2)))
    (local.set $k (i32.const 0))
    (block $done
      (loop $functions
        (br_if $done (i32.ge_u (local.get $k) (local.get $hashes)))
        (local.set $sa (v128.load (i32.add (local.get $seeds) (local.get $k))))
        (local.set $sb (v128.load offset=16 (i32.add (local.get $seeds) (local.get $k))))
        (local.set $ma (v128.const i32x4 -1 -1 -1 -1))
        (local.set $mb (v128.const i32x4 -1 -1 -1 -1))
        (local.set $x (local.get $set))
        (block $next
          (loop $values
            (br_if $next (i32.ge_u (local.get $x) (local.get $end)))
            (local.set $e (i32x4.splat (i32.load (local.get $x))))
            ;; fmix32($e ^ seed) for the first four functions, and the lane-wise unsigned minimum so far
            (local.set $v (v128.xor (local.get $e) (local.get $sa)))
            (local.set $v (i32x4.mul (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 16)))
                                     (v128.const i32x4 0x85ebca6b 0x85ebca6b 0x85ebca6b 0x85ebca6b)))
            (local.set $v (i32x4.mul (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 13)))
                                     (v128.const i32x4 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35)))
            (local.set $ma (i32x4.min_u (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 16))) (local.get $ma)))
            ;; the same for the next four
            (local.set $v (v128.xor (local.get $e) (local.get $sb)))
            (local.set $v (i32x4.mul (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 16)))
                                     (v128.const i32x4 0x85ebca6b 0x85ebca6b 0x85ebca6b 0x85ebca6b)))
            (local.set $v (i32x4.mul (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 13)))
                                     (v128.const i32x4 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35)))
            (local.set $mb (i32x4.min_u (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 16))) (local.get $mb)))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $values)))
        (v128.store (i32.add (local.get $out) (local.get $k)) (local.get $ma))
        (v128.store offset=16 (i32.add (local.get $out) (local.get $k)) (local.get $mb))
        (local.set $k (i32.add (local.get $k) (i32.const 32)))
        (br $functions)))))
