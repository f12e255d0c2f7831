;; How many values two sorted arrays of distinct 32-bit values share, with 128-bit SIMD: intersectionScalar of
;; lib/event-hashing.ts. The arrays are compared four values against four (i32x4.eq against the four rotations of
;; the other block, matches counted with bitmask and popcnt), then the block with the smaller last value moves on
;; (both when equal), as in the scalar merge; the last fewer-than-four values go through the scalar merge. Each
;; common value is counted once, when the two blocks holding it meet. Assembled by
;; `node scripts/wasm/wat.mjs scripts/wasm/intersection.wat` (wabt); INTERSECTION_WASM in lib/event-hashing.ts holds
;; what it prints, and test/events-minhash.test.ts checks both.
;;
;; Memory per call (laid out by intersectionSimd): a at $a, b at $b; $aend and $bend come in as lengths.
(module
  (memory (export "m") 1)
  (func (export "c") (param $a i32) (param $aend i32) (param $b i32) (param $bend i32) (result i32)
    (local $n i32) (local $x i32) (local $y i32) (local $va v128) (local $vb v128)
    (local.set $aend (i32.add (i32.shl (local.get $aend) (i32.const 2)) (local.get $a)))
    (local.set $bend (i32.add (i32.shl (local.get $bend) (i32.const 2)) (local.get $b)))
    (block $tail
      (loop $blocks
        (br_if $tail (i32.gt_u (i32.add (local.get $a) (i32.const 16)) (local.get $aend)))
        (br_if $tail (i32.gt_u (i32.add (local.get $b) (i32.const 16)) (local.get $bend)))
        (local.set $va (v128.load align=4 (local.get $a)))
        (local.set $vb (v128.load align=4 (local.get $b)))
        (local.set $n (i32.add
          (i32.popcnt (i32x4.bitmask
            (v128.or
              (v128.or
                (v128.or
                  (i32x4.eq (local.get $va) (local.get $vb))
                  (i32x4.eq (local.get $va) (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $vb) (local.get $vb))))
                (i32x4.eq (local.get $va) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $vb) (local.get $vb))))
              (i32x4.eq (local.get $va) (i8x16.shuffle 12 13 14 15 0 1 2 3 4 5 6 7 8 9 10 11 (local.get $vb) (local.get $vb))))))
          (local.get $n)))
        ;; the blocks' last values decide which moves on
        (local.set $x (i32.load offset=12 (local.get $a)))
        (local.set $y (i32.load offset=12 (local.get $b)))
        (local.set $a (i32.add (local.get $a) (i32.shl (i32.le_u (local.get $x) (local.get $y)) (i32.const 4))))
        (local.set $b (i32.add (local.get $b) (i32.shl (i32.le_u (local.get $y) (local.get $x)) (i32.const 4))))
        (br $blocks)))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $a) (local.get $aend)))
        (br_if $done (i32.ge_u (local.get $b) (local.get $bend)))
        (local.set $x (i32.load (local.get $a)))
        (local.set $y (i32.load (local.get $b)))
        (local.set $n (i32.add (local.get $n) (i32.eq (local.get $x) (local.get $y))))
        (local.set $a (i32.add (local.get $a) (i32.shl (i32.le_u (local.get $x) (local.get $y)) (i32.const 2))))
        (local.set $b (i32.add (local.get $b) (i32.shl (i32.le_u (local.get $y) (local.get $x)) (i32.const 2))))
        (br $values)))
    (local.get $n)))
