import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';

describe('browser project (real Chromium)', () => {
  it('renders React and measures layout', () => {
    render(<div style={{ width: 320, height: 40 }}>Layout is real</div>);
    const el = screen.getByText('Layout is real');
    expect(el.getBoundingClientRect().width).toBe(320);
    expect(navigator.userAgent).toMatch(/Chrome/);
  });
});
