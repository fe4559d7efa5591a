import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// A CI machine running the whole suite on two cores can take seconds where a quiet one takes milliseconds:
// `waitFor` and `find…` wait up to 5 s (they still return as soon as the expectation holds).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
