/**
 * The bottom-up walk the compilers use lives with the AST's other walk, in `ast/walk.ts`; this
 * module passes it on to the compilers that import it from here.
 * @module
 */
export { type CompositeNode, type ExpressionReducer, reduceExpression } from '../ast/walk.js';
